// Fails the build with a clear message when a knowledge-base file in schemas/ is invalid, and
// writes the validated knowledge base to dist/knowledge.json (with a digest of the YAML it came
// from) so the bundled server and CLI start without parsing YAML or running zod. schemas/*.yaml
// stay the only source: a stale or missing dist/knowledge.json makes them fall back to the YAML.
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');

/** Validates schemas/ and writes dist/knowledge.json; throws with the loader's message when invalid. */
function writePrebuiltKnowledge() {
  const { buildPrebuiltKnowledgeBase, PREBUILT_KNOWLEDGE_FILE } = require(path.join(root, 'out/server/src/knowledge/load'));
  const prebuilt = buildPrebuiltKnowledgeBase(path.join(root, 'schemas'));
  const target = path.join(root, 'dist', PREBUILT_KNOWLEDGE_FILE);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(prebuilt));
  fs.renameSync(`${target}.tmp`, target); // never a half-written file for a server starting meanwhile
  return prebuilt.knowledge;
}

/** Validates and writes, printing what the knowledge base holds, and returns it; exits 1 with the loader's message when invalid. */
function checkKnowledge() {
  try {
    const kb = writePrebuiltKnowledge();
    console.log(`knowledge base: ${kb.families.length} families, ${kb.postures.length} postures, ${kb.subcategories.length} sub-categories, ${kb.licenses.length} licenses, ${kb.models.length} models`);
    return kb;
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

module.exports = { writePrebuiltKnowledge, checkKnowledge };

if (require.main === module) checkKnowledge();

// Fails the build with a clear message when a knowledge-base file in schemas/ is invalid.
const path = require('node:path');
const root = path.join(__dirname, '..');
const { loadKnowledgeBase } = require(path.join(root, 'out/server/src/knowledge/load'));
try {
  const kb = loadKnowledgeBase(path.join(root, 'schemas'));
  console.log(`knowledge base: ${kb.families.length} families, ${kb.postures.length} postures, ${kb.subcategories.length} sub-categories, ${kb.licenses.length} licenses, ${kb.models.length} models`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// Writes the JSON Schemas of schemas/ (card, project configuration, knowledge extension) from the zod schemas (run after `tsc -b`).
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const { loadKnowledgeBase } = require(path.join(root, 'out/server/src/knowledge/load'));
const { renderJsonSchemas } = require(path.join(root, 'out/server/src/jsonSchema'));
for (const [file, text] of Object.entries(renderJsonSchemas(loadKnowledgeBase(path.join(root, 'schemas'))))) {
  const target = path.join(root, 'schemas', file);
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

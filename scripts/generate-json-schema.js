// Writes schemas/modelcard.schema.json from the zod schema (run after `tsc -b`).
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const { loadKnowledgeBase } = require(path.join(root, 'out/server/src/knowledge/load'));
const { renderJsonSchema, JSON_SCHEMA_FILE } = require(path.join(root, 'out/server/src/jsonSchema'));
const target = path.join(root, 'schemas', JSON_SCHEMA_FILE);
fs.writeFileSync(target, renderJsonSchema(loadKnowledgeBase(path.join(root, 'schemas'))));
console.log(`wrote ${path.relative(process.cwd(), target)}`);

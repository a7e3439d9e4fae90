import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { JSON_SCHEMA_FILE, renderJsonSchema, renderJsonSchemas } from '../server/src/jsonSchema';
import { knowledge, ROOT } from './helpers';

test('schemas/modelcard.schema.json is generated from the current zod schema', () => {
  const checkedIn = fs.readFileSync(path.join(ROOT, 'schemas', JSON_SCHEMA_FILE), 'utf8');
  assert.ok(checkedIn === renderJsonSchema(knowledge), 'stale: run `npm run generate:schema` and commit the result');
});

test('the JSON Schema knows the sts block and its enums', () => {
  const schema = JSON.parse(renderJsonSchema(knowledge));
  const sts = schema.properties.sts;
  assert.deepEqual(sts.properties.family.enum, ['dual-stream-codec', 'interleaved-flatten', 'cascade-predictor', 'codec-free', 'near-sts']);
  assert.equal(sts.additionalProperties, false);
  assert.ok(schema.properties.pipeline_tag.enum.includes('audio-to-audio'));
});

test('the configuration and knowledge-extension JSON Schemas are generated from their zod schemas', () => {
  for (const [file, text] of Object.entries(renderJsonSchemas(knowledge))) {
    assert.ok(fs.readFileSync(path.join(ROOT, 'schemas', file), 'utf8') === text, `schemas/${file} is stale: run \`npm run generate:schema\` and commit the result`);
  }
  const config = JSON.parse(renderJsonSchemas(knowledge)['modelcards.config.schema.json']);
  assert.deepEqual(Object.keys(config.properties).sort(), ['extends', 'files', 'frontMatter', 'ignore', 'knowledge', 'maxFileSizeKb', 'rules']);
  assert.deepEqual(config.properties.rules.additionalProperties.enum, ['error', 'warning', 'information', 'hint', 'off']);
  const extension = JSON.parse(renderJsonSchemas(knowledge)['knowledge-extension.schema.json']);
  assert.deepEqual(Object.keys(extension.properties).sort(), ['concepts', 'licenses', 'models']);
  assert.equal(extension.properties.licenses.items.properties.override.type, 'boolean');
});

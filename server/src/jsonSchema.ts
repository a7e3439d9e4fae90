/**
 * Renders the zod schemas as the JSON Schemas checked in under `schemas/`, for editors and tools
 * that speak JSON Schema (yaml-language-server among them): the card, the project configuration
 * file and the knowledge extension file.
 */
import { z } from 'zod';
import { ConfigFile } from './config/configFile';
import { KnowledgeExtensionFile } from './config/knowledgeExtension';
import type { KnowledgeBase } from './knowledge/schema';
import { buildCardSchema } from './service/cardSchema';

export const JSON_SCHEMA_FILE = 'modelcard.schema.json';
export const CONFIG_JSON_SCHEMA_FILE = 'modelcards.config.schema.json';
export const KNOWLEDGE_JSON_SCHEMA_FILE = 'knowledge-extension.schema.json';

const BASE_ID = 'https://github.com/sts-model-cards/sts-model-cards/schemas/';

function render(schema: z.ZodType, file: string, title: string, description: string): string {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...json, $id: `${BASE_ID}${file}`, title, description }, null, 2)}\n`;
}

/** Every generated schema, by file name. */
export function renderJsonSchemas(knowledge: KnowledgeBase): Record<string, string> {
  return {
    [JSON_SCHEMA_FILE]: renderJsonSchema(knowledge),
    [CONFIG_JSON_SCHEMA_FILE]: render(ConfigFile, CONFIG_JSON_SCHEMA_FILE, 'STS model cards: project configuration',
      'modelcards.config.yaml (or .modelcardsrc.yaml), read by the VS Code extension and modelcard-lint alike. Generated from server/src/config/configFile.ts by `npm run generate:schema`; do not edit by hand.'),
    [KNOWLEDGE_JSON_SCHEMA_FILE]: render(KnowledgeExtensionFile, KNOWLEDGE_JSON_SCHEMA_FILE, 'STS model cards: knowledge extension',
      "A project's own licenses, known models and evidence concepts, merged into the built-in knowledge base. Generated from server/src/config/knowledgeExtension.ts by `npm run generate:schema`; do not edit by hand."),
  };
}

export function renderJsonSchema(knowledge: KnowledgeBase): string {
  const schema = z.toJSONSchema(buildCardSchema(knowledge.hub), { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  const document = {
    ...schema,
    $id: 'https://github.com/sts-model-cards/sts-model-cards/schemas/modelcard.schema.json',
    title: 'STS model card',
    description: 'The YAML of a speech-to-speech model card: Hugging Face Hub metadata plus the `sts` taxonomy block. Generated from the zod schema in server/src/service/cardSchema.ts by `npm run generate:schema`; do not edit by hand.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

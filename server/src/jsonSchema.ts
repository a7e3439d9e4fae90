/**
 * Renders the card's zod schema as the JSON Schema checked in at `schemas/modelcard.schema.json`,
 * for editors and tools that speak JSON Schema (yaml-language-server among them).
 */
import { z } from 'zod';
import type { KnowledgeBase } from './knowledge/schema';
import { buildCardSchema } from './service/cardSchema';

export const JSON_SCHEMA_FILE = 'modelcard.schema.json';

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

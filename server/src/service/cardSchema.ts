/**
 * The zod schema of a card: the single source of truth for what a card holds. The JSON Schema in
 * `schemas/modelcard.schema.json` is generated from it (scripts/generate-json-schema.js).
 *
 * Top-level keys are the Hub's and unknown ones pass, as on the Hub. Everything under `sts` is
 * strict, so a typo there is reported as an unknown key. License ids are plain text here: whether
 * they are known is the license rules' business, with their own codes.
 */
import { z } from 'zod';
import { FAMILY_IDS, HubVocabulary, POSTURE_IDS, SUBCATEGORY_IDS } from '../knowledge/schema';

/** A human-readable name for what a value should be, used in messages and the JSON Schema. */
const described = <T extends z.ZodType>(schema: T, description: string) => schema.describe(description);

const text = z.string();
const textOrList = z.union([text, z.array(text)], { error: 'text or a list of text' });

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a bare year in YAML is a number, which is fine too. */
const releaseDate = z.union([
  z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { error: 'a date written YYYY, YYYY-MM or YYYY-MM-DD' }),
  z.number().int().min(1900).max(2200),
], { error: 'a date written YYYY, YYYY-MM or YYYY-MM-DD' });

/** ISO 639-1/2/3 codes, optionally with a region or script subtag, plus the Hub's two extras. */
const languageCode = z.string().regex(/^([a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*|code|multilingual)$/, {
  error: 'an ISO 639-1, 639-2 or 639-3 language code such as en, fr or yue',
});

/** Hub model ids: `owner/name`, or the bare names of the oldest models (`gpt2`). */
const hubModelId = z.string().regex(/^([\w.-]+\/)?[\w.-]+$/, { error: 'a Hub model id such as owner/model-name' });

const nonNegative = z.number().nonnegative();

export function buildCardSchema(hub: HubVocabulary) {
  const licensing = z.strictObject({
    posture: z.enum(POSTURE_IDS),
    code: described(text, 'license id of the code (same ids as `license`)').optional(),
    commercial_use: z.boolean().optional(),
    attribution: text.optional(),
    siblings: z.array(z.strictObject({
      name: text,
      posture: z.enum(POSTURE_IDS),
      relation: text.optional(),
    })).optional(),
  });

  const sts = z.strictObject({
    name: text.optional(),
    organization: text.optional(),
    released: releaseDate.optional(),
    family: z.enum(FAMILY_IDS).optional(),
    architecture: text.optional(),
    subcategories: z.array(z.enum(SUBCATEGORY_IDS)).optional(),
    duplex: z.enum(['full', 'half', 'none']).optional(),
    codec: z.strictObject({ name: text, frame_rate_hz: z.number().positive().optional() }).optional(),
    parameters: z.union([text, z.number().positive()], { error: 'text such as 7B or 30B-A3B' }).optional(),
    latency: z.array(z.strictObject({
      ms: nonNegative,
      kind: z.enum(['theoretical', 'model-only', 'end-to-end']).optional(),
      source: text.optional(),
    })).optional(),
    licensing: licensing.optional(),
    consent: z.strictObject({
      voice_source: text,
      consent_obtained: z.boolean(),
      policy_link: text.optional(),
    }).optional(),
    training_data: z.strictObject({
      hours: nonNegative.optional(),
      two_channel: z.boolean().optional(),
      sources: z.array(text).optional(),
    }).optional(),
  });

  const modelIndex = z.array(z.looseObject({
    name: text.optional(),
    results: z.array(z.looseObject({
      task: z.looseObject({ type: text, name: text.optional() }),
      dataset: z.looseObject({ type: text, name: text }),
      metrics: z.array(z.looseObject({ type: text, value: z.unknown().refine(v => v !== undefined && v !== null, { error: 'a metric value' }) })),
    })),
  }));

  const gatedField = z.union([
    z.enum(hub.gated_field_types.values as [string, ...string[]]),
    z.looseObject({ type: z.literal('select'), options: z.array(z.unknown()) }),
  ], { error: `one of ${hub.gated_field_types.values.join(', ')}, or { type: select, options: [...] }` });

  return z.looseObject({
    license: textOrList.optional(),
    license_name: text.optional(),
    license_link: text.optional(),
    base_model: z.union([hubModelId, z.array(hubModelId)], { error: 'a Hub model id or a list of them' }).optional(),
    base_model_relation: z.enum(hub.base_model_relations.values as [string, ...string[]]).optional(),
    language: z.union([languageCode, z.array(languageCode)], { error: 'a language code or a list of them' }).optional(),
    tags: textOrList.optional(),
    pipeline_tag: z.enum(hub.pipeline_tags.values as [string, ...string[]]).optional(),
    library_name: text.optional(),
    datasets: textOrList.optional(),
    metrics: textOrList.optional(),
    thumbnail: text.optional(),
    new_version: hubModelId.optional(),
    'model-index': modelIndex.optional(),
    extra_gated_prompt: text.optional(),
    extra_gated_heading: text.optional(),
    extra_gated_description: text.optional(),
    extra_gated_button_content: text.optional(),
    extra_gated_fields: z.record(z.string(), gatedField).optional(),
    extra_gated_eu_disallowed: z.boolean().optional(),
    sts: sts.optional(),
  });
}

export type CardSchema = ReturnType<typeof buildCardSchema>;
export type Card = z.infer<CardSchema>;
export type StsBlock = NonNullable<Card['sts']>;

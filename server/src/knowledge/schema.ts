/**
 * The shape of the knowledge base in `schemas/*.yaml`. The files are data; this module is the
 * contract they must meet. A typo in a data file fails `npm run build` with the path at fault.
 */
import { z } from 'zod';
import { patternProblems } from './conceptPattern';

export const FAMILY_IDS = ['dual-stream-codec', 'interleaved-flatten', 'cascade-predictor', 'codec-free', 'near-sts'] as const;
export const POSTURE_IDS = ['permissive', 'non-commercial', 'closed-commercial', 'split-with-sibling'] as const;
export const SUBCATEGORY_IDS = ['reasoning-realtime', 'translation-duplex', 'voice-cloning'] as const;

export const FamilyId = z.enum(FAMILY_IDS);
export const PostureId = z.enum(POSTURE_IDS);
export const SubcategoryId = z.enum(SUBCATEGORY_IDS);
export type FamilyId = z.infer<typeof FamilyId>;
export type PostureId = z.infer<typeof PostureId>;
export type SubcategoryId = z.infer<typeof SubcategoryId>;

/** Where a fact was read: a document (and section) or a URL. */
export const Source = z.strictObject({
  name: z.string().min(1),
  url: z.string().url().optional(),
  section: z.string().min(1).optional(),
});
export type Source = z.infer<typeof Source>;

/** A phrase that counts as evidence for a family or sub-category, with how much it counts. */
export const EvidencePhrase = z.strictObject({
  phrase: z.string().min(2),
  weight: z.number().gt(0).max(1),
});

const text = z.string().min(1);
const slug = z.string().regex(/^[a-z0-9][a-z0-9.+-]*$/, 'lower-case letters, digits, ".", "+" and "-" only');

export const Family = z.strictObject({
  id: FamilyId,
  name: text,
  /** The article's family number (1-4); near-STS has none. */
  number: z.number().int().min(1).max(4).nullable(),
  definition: text,
  traits: z.array(text).min(1),
  examples: z.array(slug),
  latency_meaning: text,
  source: Source,
});

export const Posture = z.strictObject({
  id: PostureId,
  name: text,
  definition: text,
  traits: z.array(text).min(1),
  examples: z.array(slug),
  source: Source,
});

export const Subcategory = z.strictObject({
  id: SubcategoryId,
  name: text,
  definition: text,
  families: z.array(FamilyId).min(1),
  evidence: z.array(EvidencePhrase).min(1),
  examples: z.array(slug),
  source: Source,
});

export const YesNoUnknown = z.enum(['yes', 'no', 'unknown']);

export const License = z.strictObject({
  /** A Hub id (`hub: true`) or the `license_name` slug used under `license: other`. */
  id: slug,
  name: text,
  hub: z.boolean(),
  /** Other spellings seen in cards and prose, for matching names written by hand. */
  aliases: z.array(text).default([]),
  url: z.string().url().optional(),
  commercial_use: z.enum(['yes', 'no', 'conditional', 'unknown']),
  commercial_note: text.optional(),
  credit: z.enum(['required', 'not-required', 'unknown']),
  credit_note: text.optional(),
  /** Must a derivative keep this license's terms (share-alike, pass-through restrictions)? */
  derivatives_keep_terms: z.enum(['yes', 'no', 'not-allowed', 'unknown']),
  derivatives_note: text.optional(),
  /** Where the product's reading differs from the landscape article, said plainly. */
  article_note: text.optional(),
  source: Source,
});

export const SiblingRef = z.strictObject({
  model: slug,
  relation: text,
});

export const KnownModel = z.strictObject({
  id: slug,
  name: text,
  aliases: z.array(text).default([]),
  lab: text,
  family: FamilyId.nullable(),
  subcategories: z.array(SubcategoryId).default([]),
  released: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD'),
  open_weights: z.boolean(),
  /** License ids from licenses.yaml; null when closed or not published. */
  weights_license: slug.nullable(),
  code_license: slug.nullable(),
  posture: PostureId.nullable(),
  /** A known model id, or a plain description of a base outside the landscape. */
  base_model: text.nullable(),
  siblings: z.array(SiblingRef).default([]),
  hub_ids: z.array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name')).default([]),
  note: text.optional(),
  source: Source,
});

const Vocabulary = z.strictObject({
  source: Source,
  values: z.array(z.string().min(1)).min(1),
  /** Values people write that the Hub does not accept, each mapped to the value that means the same. */
  aliases: z.record(z.string(), z.string()).optional(),
}).refine(v => Object.values(v.aliases ?? {}).every(target => v.values.includes(target)), { error: 'every alias must map to one of the values' });
export const HubFile = z.strictObject({
  pipeline_tags: Vocabulary,
  base_model_relations: Vocabulary,
  gated_field_types: Vocabulary,
});
export type HubVocabulary = z.infer<typeof HubFile>;

/**
 * A concept's wording, in the syntax concepts.yaml's header explains: groups joined by " + "
 * (in order, close together), alternatives in a group separated by "|", "word*" for a prefix.
 */
export const ConceptPattern = z.string().min(1).superRefine((pattern, ctx) => {
  for (const message of patternProblems(pattern)) ctx.addIssue({ code: 'custom', message });
});

/** An architectural fact, the wordings that express it and how much it says about each family. */
export const Concept = z.strictObject({
  id: slug,
  /** What architectural fact the concept stands for, briefly. */
  why: text,
  evidence: z.partialRecord(FamilyId, z.number().gt(0).max(1)).refine(e => Object.keys(e).length > 0, 'at least one family'),
  /**
   * Concepts that say one fact in other words share a fact: a family counts the strongest of them
   * once, since several wordings of one fact are not independent evidence.
   */
  fact: slug.optional(),
  /**
   * Families whose strong evidence (single-family, weighing at least 0.5: a strong hint on
   * concepts.yaml's scale) elsewhere in the text makes this concept count nothing: its words then
   * describe a part of that family's design (a speech pipeline around a text LLM is near-STS,
   * unless a duplex turn predictor makes it Family 3).
   */
  yields_to: z.array(FamilyId).default([]),
  /** Every entry must be found in one sentence; an entry is a pattern or a list of alternatives. */
  all: z.array(z.union([ConceptPattern, z.array(ConceptPattern).min(1)])).min(1),
  /** Patterns that, anywhere in the same sentence, mean the words say something else. */
  unless: z.array(ConceptPattern).default([]),
  /** Max. words from the first to the last word of a match, all entries together. */
  within: z.number().int().min(1).max(60).default(12),
  /** Max. words between two consecutive groups of a pattern. */
  gap: z.number().int().min(0).max(10).default(3),
});

/** Cues that the text presents a known model as its own subject: "We introduce Moshi", "Moshi is a …". */
export const PresentingCues = z.strictObject({
  /** Said right before the model (fillers allowed between): "We introduce Moshi". */
  weight: z.number().gt(0).max(1),
  before: z.array(text).min(1),
  /** Said right after a model that opens its sentence: "Moshi is a …", which may be background. */
  after_weight: z.number().gt(0).max(1),
  after: z.array(text).min(1),
});

/** How prose ties a card to a known model it derives from ("based on Moshi") or presents. */
export const LineageGrammar = z.strictObject({
  weight: z.number().gt(0).max(1),
  before: z.array(text).min(1),
  after: z.array(text).min(1),
  /** Keys whose value names the base: "Base model: X", "| Original model | X |". */
  labels: z.array(text),
  fillers: z.array(text),
  /**
   * Words that, right after the model's name, make it the name of another part of its project
   * ("the Moshi web client", "the Moshi dataset"): a cue before them is that part's lineage.
   */
  project_parts: z.array(text).default([]),
  presenting: PresentingCues,
});

/** What makes a text one about a system you talk with; without it, family evidence counts less. */
export const SuggesterScope = z.strictObject({
  factor: z.number().gt(0).max(1),
  any: z.array(ConceptPattern).min(1),
});

export const ConceptsFile = z.strictObject({
  /** Min. confidence of a family suggestion; fitted by `npm run measure:suggester`. */
  threshold: z.number().gt(0).lt(1),
  scope: SuggesterScope,
  lineage: LineageGrammar,
  concepts: z.array(Concept).min(1),
});

/**
 * schemas/sentence-owner.json: the learned reading of whose design a sentence describes
 * (service/suggest/sentenceOwner.ts), written by scripts/train-sentence-owner.js.
 */
export const SentenceOwnerFile = z.strictObject({
  about: z.string(),
  /** How the weights were trained: from which descriptions, how many mentions. */
  trained_on: z.strictObject({ file: z.string(), sets: z.string(), descriptions: z.number().int(), mentions: z.number().int(), others: z.number().int() }),
  /** From this share of others' on, a mention counts less, and nothing at certainty (sentenceOwner.ts). */
  threshold: z.number().gt(0).lt(1),
  /** The concept lexicon's words when trained, which the features leave out. */
  lexicon_words: z.array(z.string()),
  weights: z.record(z.string(), z.number()),
});

export const FamiliesFile = z.strictObject({ families: z.array(Family) });
export const PosturesFile = z.strictObject({ postures: z.array(Posture) });
export const SubcategoriesFile = z.strictObject({ subcategories: z.array(Subcategory) });
export const LicensesFile = z.strictObject({ licenses: z.array(License) });
export const ModelsFile = z.strictObject({ models: z.array(KnownModel) });

export type Family = z.infer<typeof Family>;
export type Posture = z.infer<typeof Posture>;
export type Subcategory = z.infer<typeof Subcategory>;
export type License = z.infer<typeof License>;
export type KnownModel = z.infer<typeof KnownModel>;
export type Concept = z.infer<typeof Concept>;
export type ConceptsFile = z.infer<typeof ConceptsFile>;
export type SentenceOwnerFile = z.infer<typeof SentenceOwnerFile>;

export interface KnowledgeBase {
  hub: HubVocabulary;
  families: readonly Family[];
  /** The family suggester's evidence: concepts, lineage cues and the fitted threshold. */
  suggester: ConceptsFile;
  /** The learned reading of whose design a sentence describes, beside the concepts. */
  sentenceOwner: SentenceOwnerFile;
  postures: readonly Posture[];
  subcategories: readonly Subcategory[];
  licenses: readonly License[];
  models: readonly KnownModel[];
}

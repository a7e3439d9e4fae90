/**
 * What each key of the card format means: the one table of key documentation for hovers. It
 * describes the card format itself (section 2 of the format contract), so it lives in code; the
 * facts about families, postures, sub-categories, licenses and models come from the knowledge
 * base, and the keys whose values are knowledge ids list them from there (`ids`).
 *
 * Patterns are dotted key paths with `[]` for a sequence item: `sts.latency[].kind`.
 */

/** A list of ids that comes from the knowledge base rather than from this table. */
export type KnowledgeIds = 'families' | 'postures' | 'subcategories' | 'base_model_relations';

export interface KeyDoc {
  /** What the key holds, in a sentence or two. */
  readonly summary: string;
  /** The values it takes, as Markdown, when they are not a knowledge list. */
  readonly values?: string;
  /** The knowledge list its values come from. */
  readonly ids?: KnowledgeIds;
  /** Short meanings of fixed values, shown when hovering such a value. */
  readonly valueDocs?: Readonly<Record<string, string>>;
}

export const KEY_DOCS: Readonly<Record<string, KeyDoc>> = {
  // Top-level keys: the Hugging Face Hub's own.
  'license': {
    summary: 'The license of the weights, as a Hub license id. For a license the Hub does not list, write `other` and name it with `license_name` and `license_link`.',
    values: 'a Hub license id, or a list of them',
  },
  'license[]': {
    summary: 'One of the licenses of the weights, as a Hub license id.',
    values: 'a Hub license id',
  },
  'license_name': {
    summary: 'With `license: other`, the id-like name of the real license, such as `nvidia-open-model-license`.',
    values: 'a lower-case, hyphenated name',
  },
  'license_link': {
    summary: 'With `license: other`, where the license text is: a URL or a file in the repository.',
    values: 'a URL or a relative path',
  },
  'base_model': {
    summary: 'The model or models this one was derived from, as Hub ids. Conditions of their licenses can carry over to this one.',
    values: 'a Hub model id (`owner/name`), or a list of them',
  },
  'base_model[]': {
    summary: 'One of the models this one was derived from.',
    values: 'a Hub model id (`owner/name`)',
  },
  'base_model_relation': {
    summary: 'How this model was made from `base_model`.',
    ids: 'base_model_relations',
  },

  // The STS block.
  'sts': {
    summary: 'The STS taxonomy of the model: its family, license posture and sub-categories, with the facts that back them (duplex mode, codec, latency, training data).',
    values: 'a mapping',
  },
  'sts.name': {
    summary: 'The model\'s name as people write it, such as `PersonaPlex`.',
    values: 'text',
  },
  'sts.organization': {
    summary: 'The lab or company that released the model.',
    values: 'text',
  },
  'sts.released': {
    summary: 'When the model was released, as precisely as a source says.',
    values: '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`',
  },
  'sts.family': {
    summary: 'The architectural family: how the model carries the user\'s speech, its own speech and any text.',
    ids: 'families',
  },
  'sts.architecture': {
    summary: 'A few sentences on how the model works. The family suggester reads it, so name the mechanisms: streams, codec, interleaving, a cascade.',
    values: 'free text',
  },
  'sts.subcategories': {
    summary: 'Specialisations that cut across the families. Leave the list empty (`[]`) when none applies.',
    ids: 'subcategories',
  },
  'sts.subcategories[]': {
    summary: 'A specialisation of the model.',
    ids: 'subcategories',
  },
  'sts.duplex': {
    summary: 'Whether the model can listen and speak at the same time.',
    values: '`full`, `half` or `none`',
    valueDocs: {
      full: 'Listens while it speaks: the user can interrupt or back-channel at any moment.',
      half: 'Takes turns: it listens, then it speaks.',
      none: 'No live conversation: it takes a whole input, then answers.',
    },
  },
  'sts.codec': {
    summary: 'The neural audio codec whose discrete tokens carry the speech. A `codec-free` model has none.',
    values: '`{ name, frame_rate_hz }`',
  },
  'sts.codec.name': {
    summary: 'The codec\'s name, such as `mimi`.',
    values: 'text',
  },
  'sts.codec.frame_rate_hz': {
    summary: 'Codec frames per second. One frame is the smallest step of audio the model reads or writes (12.5 Hz is 80 ms).',
    values: 'a positive number',
  },
  'sts.parameters': {
    summary: 'The model\'s size, written the way its authors write it.',
    values: 'text such as `7B` or `30B-A3B`',
  },
  'sts.latency': {
    summary: 'Published latency figures. Each one says what it measures, so that only figures of the same kind get compared.',
    values: 'a list of `{ ms, kind, source? }`',
  },
  'sts.latency[].ms': {
    summary: 'The latency in milliseconds.',
    values: 'a number, 0 or more',
  },
  'sts.latency[].kind': {
    summary: 'What the figure measures.',
    values: '`theoretical`, `model-only` or `end-to-end`',
    valueDocs: {
      'theoretical': 'Follows from the design (frame size, delays between token streams); no hardware involved.',
      'model-only': 'Measured on hardware, for the model alone: no audio input and output, no network.',
      'end-to-end': 'Measured as a user hears it: from the end of their speech to the first audio of the reply.',
    },
  },
  'sts.latency[].source': {
    summary: 'Where the figure comes from: a paper, a model card, a benchmark run.',
    values: 'text',
  },
  'sts.licensing': {
    summary: 'How the model may be used: its license posture and the facts behind it.',
    values: '`{ posture, code?, commercial_use?, attribution?, siblings? }`',
  },
  'sts.licensing.posture': {
    summary: 'How the weights may be used, sorted the way a buyer would sort them. It must agree with the licenses.',
    ids: 'postures',
  },
  'sts.licensing.code': {
    summary: 'The license of the code (inference, training), which may differ from the weights\' `license`.',
    values: 'a license id, the same ids as `license`',
  },
  'sts.licensing.commercial_use': {
    summary: 'Whether the weights may go into a commercial product. It must agree with the weights\' license.',
    values: '`true` or `false`',
  },
  'sts.licensing.attribution': {
    summary: 'The credit owed to upstream work. Needed when an upstream license requires credit.',
    values: 'text',
  },
  'sts.licensing.siblings': {
    summary: 'Related models released under another posture, such as a commercial tier of a non-commercial model. Needed with `split-with-sibling`.',
    values: 'a list of `{ name, posture, relation? }`',
  },
  'sts.licensing.siblings[].name': {
    summary: 'The sibling model\'s name.',
    values: 'text',
  },
  'sts.licensing.siblings[].posture': {
    summary: 'The sibling\'s license posture.',
    ids: 'postures',
  },
  'sts.licensing.siblings[].relation': {
    summary: 'How the sibling relates to this model, such as "larger commercial tier".',
    values: 'text',
  },
  'sts.consent': {
    summary: 'Whose voices the model learned from or can clone, and whether they agreed. Needed with the `voice-cloning` sub-category.',
    values: '`{ voice_source, consent_obtained, policy_link? }`',
  },
  'sts.consent.voice_source': {
    summary: 'Where the voices come from, such as licensed voice actors or user uploads.',
    values: 'text',
  },
  'sts.consent.consent_obtained': {
    summary: 'Whether the speakers agreed to this use of their voices.',
    values: '`true` or `false`',
  },
  'sts.consent.policy_link': {
    summary: 'A link to the voice-use or consent policy.',
    values: 'a URL',
  },
  'sts.training_data': {
    summary: 'What the model was trained on.',
    values: '`{ hours?, two_channel?, sources? }`',
  },
  'sts.training_data.hours': {
    summary: 'Hours of speech in the training data.',
    values: 'a number, 0 or more',
  },
  'sts.training_data.two_channel': {
    summary: 'Whether the dialogue audio has one channel per speaker, which full-duplex training relies on.',
    values: '`true` or `false`',
  },
  'sts.training_data.sources': {
    summary: 'The datasets or corpora used.',
    values: 'a list of text',
  },
};

/** The table's pattern for a path: `['sts', 'latency', 0, 'kind']` → `sts.latency[].kind`. */
export function patternOf(path: readonly (string | number)[]): string {
  let pattern = '';
  for (const segment of path) {
    pattern += typeof segment === 'number' ? '[]' : (pattern === '' ? segment : `.${segment}`);
  }
  return pattern;
}

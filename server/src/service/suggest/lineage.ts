/**
 * Lineage in prose: "PersonaPlex is based on the Moshi architecture", "a fine-tune of
 * Qwen2.5-Omni", "Moshi-based". A known model of the knowledge base named as the base of the
 * card's model is evidence for that model's family; so is one the text presents as its own
 * subject ("We introduce Moshi", "Moshi is a speech-text foundation model"): the card is for it.
 * Models are found by name, alias or Hub id in the suggester's single scan; the cues around them
 * come from concepts.yaml (`lineage`, `lineage.presenting`).
 */
import type { FamilyId, KnowledgeBase } from '../../knowledge/schema';
import type { Span } from '../findings';
import { inContrastClause, isNegated, isTriedAndDropped } from './negation';
import { isComparedAfter, isUnsupportedAfter } from './predicateAfter';
import { PhraseEntry, PhraseMatch, phraseKey } from './phrases';
import { opensSentence } from './sentenceStarts';
import { isWordCharAt } from './wordChars';

export interface LineageMatch extends Span {
  /** The known model named as the base, or presented. */
  readonly model: string;
  /** `base`: the text's model derives from it; `presented`: the text is about it. */
  readonly relation: 'base' | 'presented';
  readonly family: FamilyId;
  readonly weight: number;
}

export interface LineageReader {
  /** Names, aliases and Hub ids of the known models that have a family, labelled with the model id. */
  readonly names: readonly PhraseEntry<string>[];
  /** The lineage statements among the name matches of `text`. */
  read(text: string, matches: readonly PhraseMatch<string>[]): LineageMatch[];
}

/** Most words a cue has ("fine-tuned version of" is four once "fine-tuned" splits). */
const MAX_CUE_WORDS = 4;
/** Most filler words between a cue and the name ("based on the original pretrained Moshi"). */
const MAX_FILLERS = 3;

interface Word {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** Up to `count` words of the clause on one side of `from`, nearest first. */
function wordsAround(text: string, from: number, step: 1 | -1, count: number): Word[] {
  const words: Word[] = [];
  let i = step < 0 ? from - 1 : from;
  while (words.length < count) {
    while (i >= 0 && i < text.length && !isWordCharAt(text, i)) {
      // Markdown link brackets and a line wrapped inside a paragraph do not end the clause: "the
      // architecture of\n[Moshi](…)"; a blank line does.
      if ('.!?;:,()|'.includes(text[i]) || (text[i] === '\n' && text[i + step] === '\n')) return words;
      i += step;
    }
    if (i < 0 || i >= text.length) return words;
    const edge = i;
    while (isWordCharAt(text, i)) i += step;
    const [start, end] = step < 0 ? [i + 1, edge + 1] : [edge, i];
    words.push({ key: phraseKey(text.slice(start, end)), start, end });
  }
  return words;
}

/** The longest key of a "key: value" line read as a label ("Finetuned from model [optional]"). */
const MAX_LABEL_CHARS = 48;
/** List, quote, heading and emphasis marks before a key. */
const LEADING_MARKS = /^[\s>*_#+\-|]*(?:\d+[.)]\s*)?[*_]*/;
/** What separates a key's words: "fine-tuned" is two words here, as cues are written. */
const WORD_GAPS = /[^\p{L}\p{N}]+/u;

/** How many cell separators the rest of the line after `from` holds. */
function cellsAfter(text: string, from: number): number {
  let count = 0;
  for (let i = from; i < text.length && text[i] !== '\n'; i++) if (text[i] === '|') count++;
  return count;
}

/** What models.yaml says when the sources name no lab. */
const NO_LAB = 'not named in the sources';

/**
 * Where the name starts with the owner of its Hub id or repository before it, when there is one:
 * "Qwen/Qwen3-Omni-30B-A3B-Instruct", "kyutai-labs/hibiki-zero" (ids the knowledge base does not
 * list, around a name it knows). Cues and keys are read before the owner.
 */
function ownerStart(text: string, start: number): number {
  if (text[start - 1] !== '/') return start;
  let owner = start - 2;
  while (owner >= 0 && (isWordCharAt(text, owner) || '-_.'.includes(text[owner]))) owner--;
  return owner < start - 2 ? owner + 1 : start;
}

/** A size such as "-7B", " 30B-A3B": the same model, not another one. */
const SIZE_AFTER = /[- ]\d+(?:\.\d+)?[BbMmKk](?![A-Za-z0-9])/y;

/** A checkpoint of the same model: "Step-Audio-2-mini", "Kimi-Audio-Instruct". */
const VARIANT_AFTER = /[- ](?:mini|base|instruct|chat|preview)(?![A-Za-z0-9])/iy;

/** Where the name ends with the sizes and variants after it: "Qwen2.5-Omni-7B-Instruct". */
function checkpointEnd(text: string, end: number): number {
  for (;;) {
    SIZE_AFTER.lastIndex = end;
    VARIANT_AFTER.lastIndex = end;
    if (SIZE_AFTER.test(text)) end = SIZE_AFTER.lastIndex;
    else if (VARIANT_AFTER.test(text)) end = VARIANT_AFTER.lastIndex;
    else return end;
  }
}

/** A version after a space: "2", "2.5", "R1.1", "v3". */
const VERSION_AFTER = / [A-Za-z]{0,2}\d/y;

/**
 * Whether the known name is only the start of another model's name: "Hibiki-Zero",
 * "Step-Audio-EditX", "Step-Audio 2", "Step-Audio R1.1", "LLaMA-Omni 2". That model is not the
 * known one (nor, when the knowledge base knows it too, is its name matched this short). Asked
 * only where no size or checkpoint variant follows ("-7B", "-mini": the same model; see
 * checkpointEnd).
 */
function continuesName(text: string, end: number): boolean {
  VERSION_AFTER.lastIndex = end;
  return (text[end] === '-' && isWordCharAt(text, end + 1)) || VERSION_AFTER.test(text);
}

export function compileLineage(knowledge: KnowledgeBase): LineageReader {
  const { lineage } = knowledge.suggester;
  const families = new Map(knowledge.models.flatMap(m => (m.family ? [[m.id, m.family] as const] : [])));
  const names = knowledge.models.flatMap(model => !model.family ? [] :
    [model.name, ...model.aliases, ...model.hub_ids].map(phrase => ({ phrase, label: model.id, weight: lineage.weight })));
  const cues = (phrases: readonly string[]) => new Set(phrases.map(phraseKey));
  const before = cues(lineage.before);
  const after = cues(lineage.after);
  const presentingBefore = cues(lineage.presenting.before);
  const presentingAfter = cues(lineage.presenting.after);
  const fillers = cues(lineage.fillers);
  const projectParts = cues(lineage.project_parts);
  /** Whether the name ending at `end` is followed by a part of its project ("Moshi web client"). */
  const namesProjectPart = (text: string, end: number) => {
    const next = wordsAround(text, end, 1, 1)[0];
    return next !== undefined && next.start === end + 1 && text[end] === ' ' && projectParts.has(next.key);
  };
  const labels = lineage.labels.map(label => label.split(WORD_GAPS).map(phraseKey).filter(Boolean));

  /**
   * The model's lab said before its name is a filler too ("based on Kyutai's Moshi", "a fine-tune
   * of NVIDIA PersonaPlex"): the first word of `lab`, and the possessive 's after it.
   */
  const labWords = new Map(knowledge.models.flatMap(model => {
    const first = phraseKey(model.lab.split(/[\s,(]/)[0]);
    return model.family && first && model.lab !== NO_LAB ? [[model.id, new Set([first, 's'])] as const] : [];
  }));

  /** Where a cue of `before`, said right before the name (fillers between), starts; or -1. */
  function cueBefore(text: string, start: number, before: ReadonlySet<string>, model: string): number {
    const words = wordsAround(text, start, -1, MAX_CUE_WORDS + MAX_FILLERS);
    const lab = labWords.get(model);
    let k = 0;
    while (k < words.length && (fillers.has(words[k].key) || lab?.has(words[k].key))) k++;
    let key = '';
    for (let n = 0; n < MAX_CUE_WORDS && k + n < words.length; n++) {
      key = words[k + n].key + key;
      if (before.has(key)) return words[k + n].start;
    }
    return -1;
  }

  /**
   * Where the key starts when the name is the value of a key that names the base: "- **Base
   * model:** X", "Finetuned from model [optional]: X", "| Original model | X |"; or -1. The key
   * opens its line or its sentence (after list and emphasis marks), or is the table cell before.
   * A wrapped line may stand between key and value ("Upstream:\n[kyutai-labs/hibiki-zero](…)"),
   * a blank line may not.
   */
  function labelBefore(text: string, start: number): number {
    let i = start - 1;
    let lineBreaks = 0;
    while (i >= 0 && (' \t\r*_`"\'['.includes(text[i]) || (text[i] === '\n' && ++lineBreaks === 1))) i--;
    const separator = text[i];
    if (separator !== ':' && separator !== '|') return -1;
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    const keyStart = separator === '|' ? text.lastIndexOf('|', i - 1) + 1 : sentenceStartIn(text, lineStart, i);
    // A table row is a key and its value only ("| Base model | Moshi |"), not a row of a
    // comparison ("| Backbone | Moshi | Qwen2.5-Omni |").
    if (separator === '|' && (keyStart <= lineStart || text.slice(lineStart, keyStart - 1).trim() !== '' || cellsAfter(text, start) > 1)) return -1;
    if (i - keyStart > MAX_LABEL_CHARS) return -1;
    const key = text.slice(keyStart, i);
    const marks = LEADING_MARKS.exec(key)![0].length;
    const words = key.slice(marks).split(WORD_GAPS).filter(Boolean).map(phraseKey).filter(Boolean);
    return labels.some(label => label.every((word, k) => words[k] === word)) ? keyStart + marks : -1;
  }

  /** Where the last sentence of the line from `lineStart` to `end` starts ("Notes. Base model: …"). */
  function sentenceStartIn(text: string, lineStart: number, end: number): number {
    for (let i = end - 1; i > lineStart; i--) if (' \t'.includes(text[i]) && '.!?'.includes(text[i - 1])) return i + 1;
    return lineStart;
  }

  /** Where a cue of `after` right after the name ends ("Moshi-based", "Moshi's architecture"), or -1. */
  function cueAfter(text: string, end: number, after: ReadonlySet<string>): number {
    const words = wordsAround(text, end, 1, 3);
    // "Moshi's": the possessive 's is not a word of its own here.
    const first = words[0]?.key === 's' && text[words[0].start - 1] !== ' ' ? 1 : 0;
    let key = '';
    for (let n = first; n < words.length; n++) {
      key += words[n].key;
      if (after.has(key)) return words[n].end;
    }
    return -1;
  }

  type Statement = Pick<LineageMatch, 'relation' | 'weight' | 'start' | 'end'>;

  /**
   * "based on Moshi", "Moshi-based": the span from the cue to the name, or the reverse. A name
   * that `continues` into a longer one has no cue before it (the cue is the longer name's).
   */
  function baseOf(text: string, name: PhraseMatch<string>, nameEnd: number, continues: boolean): Statement | undefined {
    const from = ownerStart(text, name.start);
    const cueStart = continues ? -1 : Math.max(cueBefore(text, from, before, name.owners[0].label), labelBefore(text, from));
    if (cueStart >= 0) return { relation: 'base', weight: lineage.weight, start: cueStart, end: name.end };
    const cueEnd = cueAfter(text, nameEnd, after);
    return cueEnd >= 0 ? { relation: 'base', weight: lineage.weight, start: name.start, end: cueEnd } : undefined;
  }

  /** "We introduce Moshi", "Moshi is a …" (the name opening its sentence). */
  function presented(text: string, name: PhraseMatch<string>, nameEnd: number, continues: boolean): Statement | undefined {
    if (continues) return undefined;
    const { weight, after_weight: afterWeight } = lineage.presenting;
    const cueStart = cueBefore(text, name.start, presentingBefore, name.owners[0].label);
    if (cueStart >= 0) return { relation: 'presented', weight, start: cueStart, end: name.end };
    const cueEnd = opensSentence(text, name.start) ? cueAfter(text, nameEnd, presentingAfter) : -1;
    return cueEnd >= 0 ? { relation: 'presented', weight: afterWeight, start: name.start, end: cueEnd } : undefined;
  }

  return {
    names,
    read(text, matches) {
      const found: LineageMatch[] = [];
      for (const match of matches) {
        const model = match.owners[0].label;
        const family = families.get(model);
        if (!family || isNegated(text, match.start)) continue;
        // The name with its size and variant ("Qwen2.5-Omni-7B-Instruct"); cues after it are read from there.
        const nameEnd = checkpointEnd(text, match.end);
        const continues = nameEnd === match.end && continuesName(text, match.end);
        const statement = baseOf(text, match, nameEnd, continues) ?? presented(text, match, nameEnd, continues);
        if (!statement || (statement.start !== match.start && isNegated(text, statement.start))) continue;
        // "We compare against a quantized version of Moshi": a rival's lineage, not the card's.
        // (Only contrast: a background word may be a filler here, "based on the existing Moshi".)
        if (inContrastClause(text, statement.start) || isComparedAfter(text, nameEnd)) continue;
        // "Moshi GGUF files are not supported": about tools or releases, not the card's base;
        // "adapted from the Moshi web client": another part's base; "We considered fine-tuning
        // Moshi but …": an alternative dropped.
        if (statement.relation === 'base' && (isUnsupportedAfter(text, Math.max(statement.end, nameEnd))
          || namesProjectPart(text, nameEnd) || isTriedAndDropped(text, statement.start, Math.max(statement.end, nameEnd)))) continue;
        found.push({ model, family, ...statement });
      }
      return found;
    },
  };
}

/**
 * Lineage in prose: "PersonaPlex is based on the Moshi architecture", "a fine-tune of
 * Qwen2.5-Omni", "Moshi-based". A known model of the knowledge base named as the base of the
 * card's model is evidence for that model's family. Models are found by name, alias or Hub id in
 * the suggester's single scan; the cues around them come from concepts.yaml (`lineage`).
 */
import type { FamilyId, KnowledgeBase } from '../../knowledge/schema';
import type { Span } from '../findings';
import { isNegated } from './negation';
import { PhraseEntry, PhraseMatch, phraseKey } from './phrases';
import { isWordCharAt } from './wordChars';

export interface LineageMatch extends Span {
  /** The known model named as the base. */
  readonly model: string;
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

export function compileLineage(knowledge: KnowledgeBase): LineageReader {
  const { lineage } = knowledge.suggester;
  const families = new Map(knowledge.models.flatMap(m => (m.family ? [[m.id, m.family] as const] : [])));
  const names = knowledge.models.flatMap(model => !model.family ? [] :
    [model.name, ...model.aliases, ...model.hub_ids].map(phrase => ({ phrase, label: model.id, weight: lineage.weight })));
  const before = new Set(lineage.before.map(phraseKey));
  const after = new Set(lineage.after.map(phraseKey));
  const fillers = new Set(lineage.fillers.map(phraseKey));

  /** Where a cue before the name starts, or -1. */
  function cueBefore(text: string, start: number): number {
    const words = wordsAround(text, start, -1, MAX_CUE_WORDS + MAX_FILLERS);
    let k = 0;
    while (k < words.length && fillers.has(words[k].key)) k++;
    let key = '';
    for (let n = 0; n < MAX_CUE_WORDS && k + n < words.length; n++) {
      key = words[k + n].key + key;
      if (before.has(key)) return words[k + n].start;
    }
    return -1;
  }

  /** Where a cue after the name ends ("Moshi-based", "Moshi's architecture"), or -1. */
  function cueAfter(text: string, end: number): number {
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

  return {
    names,
    read(text, matches) {
      const found: LineageMatch[] = [];
      for (const match of matches) {
        const model = match.owners[0].label;
        const family = families.get(model);
        if (!family || isNegated(text, match.start)) continue;
        const cueStart = cueBefore(text, match.start);
        const cueEnd = cueStart < 0 ? cueAfter(text, match.end) : -1;
        if (cueStart < 0 && cueEnd < 0) continue;
        if (cueStart >= 0 && isNegated(text, cueStart)) continue;
        found.push({ model, family, weight: lineage.weight, start: cueStart >= 0 ? cueStart : match.start, end: cueEnd >= 0 ? cueEnd : match.end });
      }
      return found;
    },
  };
}

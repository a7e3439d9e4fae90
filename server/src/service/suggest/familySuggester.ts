/**
 * Family suggestions: which architectural family (or near-STS) a card's prose describes. The
 * evidence is the concepts of concepts.yaml found in the text, those whose sentence speaks like
 * one about another system counting less (sentenceOwner.ts), and lineage ("based on Moshi") to a
 * known model of the knowledge base. Everything that depends only on the knowledge base is built
 * once here; each passage is read in one scan (concept terms, model names and sub-category
 * phrases together) and work in proportion to what it found, and remembered (passageCache.ts).
 */
import type { Span } from '../findings';
import type { FamilyId, KnowledgeBase, SubcategoryId } from '../../knowledge/schema';
import { compileConcepts } from './concepts';
import { acrossParagraph, PassageDiscourse, readDiscourse, Subject, Topic, TOPICS } from './discourse';
import { namesSetAside, opensWithName } from './namedOthers';
import { compileLineage } from './lineage';
import { plainProse, VisibleText, withoutInvisibles } from './markup';
import { createPassageCache, ReadPassage } from './passageCache';
import { createSentenceOwner } from './sentenceOwner';
import { namesAnotherModel, sentenceSubject, titleWords } from './subjectName';
import { compilePhraseSets, PhraseMatch } from './phrases';
import { noisyOr, passes } from './scoring';
import { createSubcategorySuggester, subcategoryPhrases, SubcategorySuggestion } from './subcategorySuggester';

export interface FamilySuggestion {
  readonly family: FamilyId;
  /**
   * The family's odds against those of every family with evidence and of "none of them" (odds 1):
   * odds / (1 + Σ odds), where a score s has odds s / (1 − s). Alone, it equals the family's score;
   * rivals lower it in proportion to their own strength.
   */
  readonly confidence: number;
  /** The words that made the decision, as they appear in the text, in text order. */
  readonly evidence: string[];
  /** Offsets of each evidence entry in the text given (same order). */
  readonly spans: Span[];
  /**
   * What each evidence entry is: a concept id of concepts.yaml, `lineage:<model id>` (a known
   * model named as the base) or `presents:<model id>` (a known model the text is about).
   */
  readonly reasons: string[];
}

/** What one text says, read in a single scan; each answer is worked out when first asked. */
export interface ProseReading {
  /** The same as `suggest(text)`. */
  family(): FamilySuggestion | null;
  /** The same as `rank(text)`: every family with evidence, unthresholded. */
  ranked(): FamilySuggestion[];
  /**
   * The family with what the text says of these known models (lineage, presenting) set aside:
   * what the rest of the text points to when those models are accounted for elsewhere.
   */
  familySettingAside(models: readonly string[]): FamilySuggestion | null;
  /** The same as `suggestSubcategories(text)`. */
  subcategories(): SubcategorySuggestion[];
}

/** What the caller knows about the text beyond its words. */
export interface ReadOptions {
  /**
   * The text is known to be about a system you talk with (the card declares a duplex mode or a
   * sub-category), so the scope of concepts.yaml need not be found in the words.
   */
  readonly inScope?: boolean;
}

export interface FamilySuggester {
  /** The confidence a suggestion needs (concepts.yaml `threshold`). */
  readonly threshold: number;
  /** The most likely family, or null when the evidence is too weak or too split to say. */
  suggest(text: string, options?: ReadOptions): FamilySuggestion | null;
  /** Every family with any evidence, most confident first, unthresholded (for measurement). */
  rank(text: string, options?: ReadOptions): FamilySuggestion[];
  /** Every sub-category whose evidence passes its threshold. */
  suggestSubcategories(text: string): SubcategorySuggestion[];
  /** Family and sub-categories from one pass over the text: what a validation asks for. */
  read(text: string, options?: ReadOptions): ProseReading;
}

/** A score of 1 would have infinite odds: certainty is capped just below it. */
const MAX_SCORE = 0.999;
/** The weight from which single-family evidence is a strong hint (concepts.yaml's scale). */
const STRONG_HINT = 0.5;

interface Evidence extends Span {
  readonly reason: string;
  readonly weights: readonly (readonly [FamilyId, number])[];
  /** For a concept: the model name its sentence opens with, when that is no known model's (subjectName.ts). */
  readonly subject?: string;
  /** For a concept: what the passage before must leave off about for it to be set aside (discourse.ts), when that decides. */
  readonly setAsideAfter?: readonly Topic[];
  /** For a concept: the sentence its sentence is about (discourse.ts), read against the names the text sets aside (namedOthers.ts). */
  readonly about?: Subject;
}

/** What one passage gave, offsets in the passage. */
interface PassageReading {
  readonly text: string;
  /** The concepts found, then the base models named. */
  readonly evidence: readonly Evidence[];
  /** How many of `evidence` are concepts. */
  readonly concepts: number;
  readonly subcategoryMatches: readonly PhraseMatch<SubcategoryId>[];
  /** The names it sets aside as other models' (namedOthers.ts). */
  readonly namesSetAside: readonly string[];
  /** Whether its words say it is about a system you talk with; worked out when first needed. */
  inScope: boolean | undefined;
  /** Its sentences, as the next passage's reading needs them (discourse.ts); read when first needed. */
  discourse: PassageDiscourse | undefined;
}

/** A span of a passage moved to where the passage starts in the text. */
function shifted<T extends Span>(span: T, by: number): T {
  return by === 0 ? span : { ...span, start: span.start + by, end: span.end + by };
}

/** A span of the visible text (invisible characters dropped) as a span of the text given. */
function inOriginal<T extends Span>(span: T, visible: VisibleText): T {
  const start = visible.originalStart(span.start);
  const end = visible.originalEnd(span.end);
  return start === span.start && end === span.end ? span : { ...span, start, end };
}

/** How the suggester reads; the default is what the product uses. */
export interface SuggesterOptions {
  /**
   * Read each text as one passage: the reference the passage-by-passage reading is tested
   * against (test/service/passageCache.test.ts).
   */
  readonly wholeTexts?: boolean;
}

export function createFamilySuggester(knowledge: KnowledgeBase, options: SuggesterOptions = {}): FamilySuggester {
  const ids = knowledge.families.map(f => f.id);
  const threshold = knowledge.suggester.threshold;
  const { scope } = knowledge.suggester;
  const concepts = compileConcepts(knowledge.suggester.concepts);
  // What a piece of evidence counts as: its concept's fact, the concept itself, or a base model.
  const factOf = new Map(knowledge.suggester.concepts.map(c => [c.id, c.fact ?? c.id]));
  const yieldsTo = new Map(knowledge.suggester.concepts.flatMap(c => (c.yields_to.length > 0 ? [[c.id, c.yields_to] as const] : [])));
  // The scope is read only when it decides something: evidence found, the caller not knowing.
  const scopeConcepts = compileConcepts(scope.any.map((pattern, k) => ({ id: `scope:${k}`, evidence: {}, all: [pattern], within: 12, gap: 3, anyway: true })));
  const scopeScanner = compilePhraseSets([{ entries: scopeConcepts.terms, overlapping: true }]);
  const inScopeWords = (text: string) => scopeConcepts.read(text, scopeScanner.scan(text)[0]).length > 0;
  const lineage = compileLineage(knowledge);
  const sentenceOwner = createSentenceOwner(knowledge.sentenceOwner);
  const subcategories = createSubcategorySuggester(knowledge);
  const scanner = compilePhraseSets<number | string>([
    { entries: concepts.terms, overlapping: true },
    { entries: lineage.names },
    { entries: subcategoryPhrases(knowledge) },
  ]);

  /**
   * The evidence without the concepts that yield to a family the text gives strong evidence for:
   * their words then describe a part of that family's design.
   */
  function withoutYielded(found: readonly Evidence[]): readonly Evidence[] {
    if (!found.some(entry => yieldsTo.has(entry.reason))) return found;
    const strong = new Set(found.flatMap(entry =>
      entry.weights.length === 1 && entry.weights[0][1] >= STRONG_HINT && !yieldsTo.has(entry.reason) ? [entry.weights[0][0]] : []));
    return strong.size === 0 ? found : found.filter(entry => !yieldsTo.get(entry.reason)?.some(family => strong.has(family)));
  }

  function rankEvidence(text: string, all: readonly Evidence[], inScope: boolean): FamilySuggestion[] {
    const found = withoutYielded(all);
    // A trait several families share (a speech pipeline: near-STS and Family 3) goes to those of
    // them that the rest of the text singles out, when it singles out any.
    const singledOut = new Set(found.flatMap(entry => (entry.weights.length === 1 ? [entry.weights[0][0]] : [])));
    const byFamily = new Map<FamilyId, { weights: Map<string, number>; entries: Evidence[] }>();
    for (const entry of found) {
      const shared = entry.weights.length > 1 && entry.weights.some(([family]) => singledOut.has(family));
      for (const [family, weight] of entry.weights) {
        if (shared && !singledOut.has(family)) continue;
        let scored = byFamily.get(family);
        if (!scored) byFamily.set(family, scored = { weights: new Map(), entries: [] });
        // A fact or a base model counts once, however often and in however many words the text says it.
        const key = factOf.get(entry.reason) ?? entry.reason;
        scored.weights.set(key, Math.max(weight, scored.weights.get(key) ?? 0));
        scored.entries.push(entry);
      }
    }
    const scores = ids.flatMap(family => {
      const scored = byFamily.get(family);
      return scored ? [{ family, score: noisyOr(scored.weights.values()), entries: scored.entries }] : [];
    });
    const odds = (score: number) => Math.min(score, MAX_SCORE) / (1 - Math.min(score, MAX_SCORE));
    const total = 1 + scores.reduce((sum, s) => sum + odds(s.score), 0);
    return scores
      .map(({ family, score, entries }) => {
        const ordered = [...entries].sort((a, b) => a.start - b.start);
        return {
          family,
          confidence: (odds(score) / total) * (inScope ? 1 : scope.factor),
          evidence: ordered.map(e => text.slice(e.start, e.end)),
          spans: ordered.map(e => ({ start: e.start, end: e.end })),
          reasons: ordered.map(e => e.reason),
        };
      })
      .sort((a, b) => b.confidence - a.confidence);
  }

  /** What one passage says; the passage cache keeps it for the next validations. */
  function readPassage(passage: string): PassageReading {
    const [conceptMatches, nameMatches, subcategoryMatches] = scanner.scan(passage) as
      [PhraseMatch<number>[], PhraseMatch<string>[], PhraseMatch<SubcategoryId>[]];
    // A known model's name opening a sentence is lineage's to read, not a sentence about another system.
    const known = (at: number) => nameMatches.some(m => m.start <= at && at < m.end);
    const found = concepts.read(passage, conceptMatches);
    const discourse = found.length > 0 ? readDiscourse(passage) : undefined;
    const evidence: Evidence[] = [];
    for (const c of found) {
      // What the sentences before it say may make it others' or an earlier build's (discourse.ts).
      const setAsideAfter = discourse ? TOPICS.filter(topic => discourse.setsAside(c.start, topic)) : [];
      if (setAsideAfter.length === TOPICS.length) continue;
      // How its sentence speaks may say it is likely another system's (sentenceOwner.ts): it counts less.
      const share = sentenceOwner.countedShare(passage, c.start, c.end);
      if (share === 0) continue;
      const weights = share === 1 ? c.evidence : c.evidence.map(([family, weight]) => [family, weight * share] as const);
      const subject = sentenceSubject(passage, c.start);
      evidence.push({
        start: c.start, end: c.end, reason: c.concept, weights,
        ...(subject && !known(subject.start) ? { subject: subject.name } : {}),
        ...(setAsideAfter.length > 0 ? { setAsideAfter } : {}),
        ...(discourse ? { about: discourse.subjectOf(c.start) } : {}),
      });
    }
    const bases = lineage.read(passage, nameMatches);
    for (const l of bases) evidence.push({ start: l.start, end: l.end, reason: `${l.relation === 'base' ? 'lineage' : 'presents'}:${l.model}`, weights: [[l.family, l.weight]] });
    return { text: passage, evidence, concepts: evidence.length - bases.length, subcategoryMatches, namesSetAside: namesSetAside(passage), inScope: undefined, discourse };
  }
  const passages = createPassageCache<PassageReading>(readPassage, { text: '', evidence: [], concepts: 0, subcategoryMatches: [], namesSetAside: [], inScope: false, discourse: undefined }, { whole: options.wholeTexts });

  /** Whether passage `j` runs on into passage `j + 1` with no blank line between. */
  const joinedTo = (read: readonly ReadPassage<PassageReading>[], j: number) => read[j].start + read[j].reading.text.length === read[j + 1].start;

  /**
   * Per passage, the name set aside that its mentions' sentences are about (namedOthers.ts), asked
   * for passages in order: a sentence that opens with the name, or points back at one that does,
   * in its paragraph. Undefined everywhere when the text sets no name aside.
   */
  function namedOthersIn(read: readonly ReadPassage<PassageReading>[]): ((p: number, about: Subject | undefined) => string | undefined) | undefined {
    // Each name once: a long text may set the same one aside in every paragraph.
    const names = [...new Set(read.flatMap(({ reading }) => reading.namesSetAside))];
    if (names.length === 0) return undefined;
    const nameOpening = (text: string, first: number) => names.find(name => opensWithName(text, first, name));
    let at = 0;
    // The name the last sentence of the passage before `at` is about, when it runs on into it.
    let carried: string | undefined;
    return (p, about) => {
      for (; at < p; at++) {
        const reading = read[at].reading;
        const last = reading.text.length > 0 ? (reading.discourse ??= readDiscourse(reading.text)).lastSubject() : undefined;
        carried = last === undefined ? carried : last.carried ? carried : nameOpening(reading.text, last.first);
        if (!joinedTo(read, at)) carried = undefined;
      }
      if (about === undefined) return undefined;
      return about.carried ? carried : nameOpening(read[p].reading.text, about.first);
    };
  }

  /**
   * What the passages before each leave off about (discourse.ts), asked for passages in order:
   * what the passage before leaves, given what the ones before it left, and across a blank line
   * only designs announced (`acrossParagraph`). One forward reading per ranking.
   */
  function topicsBefore(read: readonly ReadPassage<PassageReading>[]): (k: number) => Topic {
    const joined = (j: number) => joinedTo(read, j);
    let at = 0;
    let topic: Topic = 'none';
    /** The topic at passage `j`, given what the passage before left: a blank line between leaves little of it. */
    const entering = (j: number) => (j > 0 && !joined(j - 1) ? acrossParagraph(topic) : topic);
    return k => {
      for (; at < k; at++) {
        topic = entering(at);
        const reading = read[at].reading;
        if (reading.text.length > 0) topic = (reading.discourse ??= readDiscourse(reading.text)).out(topic);
      }
      return entering(k);
    };
  }

  /** Every family, ranked, from the passages' evidence (offsets shifted into the visible text, then mapped to the text). */
  function rankPassages(text: string, visible: VisibleText, read: readonly ReadPassage<PassageReading>[], options?: ReadOptions, setAside?: ReadonlySet<string>): FamilySuggestion[] {
    // Concepts first, then base models, each in text order: as one reading of the whole text gives them.
    const evidence: Evidence[] = [];
    const inText = visible.dropped ? (e: Evidence, start: number) => inOriginal(shifted(e, start), visible) : shifted;
    let derived = false;
    // A sentence that opens with another model's name than the card's title speaks of that model.
    const title = titleWords(visible.text);
    const aboutAnother = (e: Evidence) => title !== undefined && e.subject !== undefined && namesAnotherModel(e.subject, title);
    const topicBefore = topicsBefore(read);
    const namedOther = namedOthersIn(read);
    read.forEach(({ start, reading }, p) => {
      let before: Topic | undefined;
      for (let k = 0; k < reading.concepts; k++) {
        const e = reading.evidence[k];
        if (aboutAnother(e) || (e.setAsideAfter?.includes(before ??= topicBefore(p)) ?? false)) continue;
        if (namedOther?.(p, e.about) !== undefined) continue;
        evidence.push(inText(e, start));
      }
    });
    for (const { start, reading } of read) {
      for (let k = reading.concepts; k < reading.evidence.length; k++) {
        if (setAside?.has(reading.evidence[k].reason)) continue;
        evidence.push(inText(reading.evidence[k], start));
        derived = true;
      }
    }
    if (evidence.length === 0) return [];
    // A model derived from a known STS model is one you talk with too.
    const inScope = options?.inScope === true || derived || read.some(({ reading }) => reading.inScope ??= inScopeWords(reading.text));
    return rankEvidence(text, evidence, inScope);
  }

  const best = (ranked: FamilySuggestion[]): FamilySuggestion | null =>
    ranked[0] && passes(ranked[0].confidence, threshold) ? ranked[0] : null;

  function read(text: string, options?: ReadOptions): ProseReading {
    // Passages are read as plain prose (markup blanked, typography ASCII, invisible characters
    // dropped); the evidence is quoted as written.
    const visible = withoutInvisibles(plainProse(text));
    const prose = visible.text;
    const read = passages.passages(prose);
    let ranked: FamilySuggestion[] | undefined;
    const rankedOnce = () => ranked ??= rankPassages(text, visible, read, options);
    return {
      family: () => best(rankedOnce()),
      ranked: rankedOnce,
      familySettingAside: models => best(rankPassages(text, visible, read, options, new Set(models.flatMap(id => [`lineage:${id}`, `presents:${id}`])))),
      subcategories: () => subcategories.suggestFromMatches(prose, read.flatMap(({ start, reading }) => reading.subcategoryMatches.map(m => shifted(m, start))))
        .map(s => {
          if (prose === text) return s;
          const spans = s.spans.map(span => inOriginal(span, visible));
          return { ...s, spans, evidence: spans.map(span => text.slice(span.start, span.end)) };
        }),
    };
  }

  return {
    threshold,
    rank: (text, options) => read(text, options).ranked(),
    suggest: (text, options) => read(text, options).family(),
    suggestSubcategories: text => read(text).subcategories(),
    read,
  };
}

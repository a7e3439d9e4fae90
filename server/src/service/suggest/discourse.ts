/**
 * What a sentence owes the sentences before it in its paragraph.
 *
 * - One that opens by pointing back ("They tokenize speech and pack it with text …", "In that
 *   design a single decoder …", "It was easy to inspect") goes on about what the one before was
 *   about. After a sentence about other systems (one that opens with a kind of system or with
 *   others' work: "Many popular open speech models take a different path."), it is about them
 *   too, up to the card's own words; so are the pointing sentences after it, until a sentence
 *   opens otherwise or says "we" or "our".
 * - A design history ("The first Thistle prototype was a single-stream model. We added speech
 *   tokens to … It talked, but badly.", "Last year we trained a single-decoder research model …
 *   We shelved it.", release notes' "Linden 2 was our research bet. It was a single decoder …")
 *   tells of an earlier build of the card's model: the sentence that opens it and the sentences
 *   told in the past after it are about that build.
 * - Designs a sentence announces by their count ("Two baselines appear in our evaluation.") are
 *   described after it one by one ("The first is a plain voice bot …"): to the paragraph's end,
 *   a sentence that names one by its place ("The second adds …") is about them, even after
 *   sentences about the card's model; and in the next paragraph, when theirs ended on them
 *   ("Three architectures dominate the field.\n\nThe oldest is …").
 * - A section about other work ("## 2 Related Work", "Background. Most voice assistants …")
 *   describes others' work, paragraph after paragraph, until a sentence says "we" or "our" or a
 *   heading opens another section: its sentences need not point back.
 * - After designs announced, a list item or a sentence whose subject is a kind of system
 *   describes one of them; a question about an alternative is answered by the next sentence
 *   that points back, across a blank line.
 *
 * How each sentence opens is sentenceOpenings.ts's. A passage is read on its own: what it makes
 * of a mention, and what it leaves the next passage, depend only on what the passage before it
 * left (`Topic`), and are worked out for each.
 */
import { inSentenceOpeningWith } from './othersWork';
import { Opening, pointsBack, Sentence, sentencesOf } from './sentenceOpenings';

/**
 * What the sentences read so far leave off about: other systems, an earlier build of the card's
 * model, or neither; or designs a sentence announced ("Two baselines …"), which the sentences
 * after it describe one by one ('announced'), while sentences about the card's model may come
 * between ('announcedAside': then only "The second …" and its like point back at them), or a
 * list item describes one ('announcedItem': the rest of its line goes on with it). In a section
 * about other work: after its label ('section'), after a sentence of it ('background'), and after
 * a paragraph of it ('backgroundNext': the next goes on with it only if it opens about others).
 * After a question about an alternative ('asked'), the answer's paragraph may point back at it.
 */
export type Topic = 'others' | 'asked' | 'announced' | 'announcedAside' | 'announcedItem' | 'history' | 'section' | 'background' | 'backgroundNext' | 'none';
export const TOPICS: readonly Topic[] = ['others', 'asked', 'announced', 'announcedAside', 'announcedItem', 'history', 'section', 'background', 'backgroundNext', 'none'];

/**
 * What the sentences before `sentence` leave it: across a blank line, only designs announced,
 * which the next paragraph may still name by their place ("Three architectures dominate the
 * field.\n\nThe oldest is …"), a section about other work, and a question not yet answered.
 */
const topicBefore = (sentence: Sentence, before: Topic): Topic => (sentence.paragraph ? acrossParagraph(before) : before);

/** What a topic leaves across a blank line: designs announced, to be named by their place; a section about other work; a question about an alternative. */
export function acrossParagraph(before: Topic): Topic {
  switch (before) {
    case 'announced':
    case 'announcedItem':
      return 'announcedAside';
    case 'background':
      return 'backgroundNext';
    case 'asked':
    case 'section':
    case 'backgroundNext':
      return before;
    default:
      return 'none';
  }
}

/**
 * Whether `sentence` is about other work as a section about it goes on (or is that section's
 * label). A paragraph goes on with it only if it opens about others too ("Cascaded systems …",
 * "Both layouts …"), not with the card's model ("Murmur-2 takes a different route.").
 */
const inBackground = (sentence: Sentence, known: Topic) => sentence.opening === 'background'
  || (!sentence.own && !sentence.heading && (known === 'section' || known === 'background' || (known === 'backgroundNext' && GOES_ON.has(sentence.opening))));
const GOES_ON: ReadonlySet<Opening> = new Set<Opening>(['others', 'back', 'announces']);

/** Whether `sentence` tells of an earlier build: it opens a history, or goes on with one in the past. */
const tellsHistory = (sentence: Sentence, known: Topic) => sentence.opening === 'history' || (known === 'history' && sentence.past);

/**
 * Whether `sentence` points back at what the ones before it spoke of: other systems, or an
 * earlier build, unless it turns to the card's model as it is now ("It now keeps …").
 */
const pointsBackAt = (sentence: Sentence, known: Topic) => sentence.opening === 'back'
  && (known === 'others' || known === 'asked' || known === 'announced' || known === 'announcedItem' || (known === 'announcedAside' && sentence.ordinal) || (known === 'history' && !sentence.now));

/**
 * Whether `sentence` describes one of the designs announced: it opens a list item or its subject
 * is a kind of system, or, while nothing else came between, one of a kind ("A VAD-gated cascade
 * …"), or it goes on the line of a list item that does.
 */
const describesAnnounced = (sentence: Sentence, known: Topic) => !sentence.own
  && ((sentence.describes && (known === 'announced' || known === 'announcedAside' || known === 'announcedItem'))
    || (sentence.describesOne && known === 'announced')
    || (known === 'announcedItem' && sentence.continuesLine));

/** What is known after `sentence`, given what was known before it. */
function after(sentence: Sentence, before: Topic): Topic {
  const known = topicBefore(sentence, before);
  if (sentence.opening === 'background') return 'section';
  if (inBackground(sentence, known)) return 'background';
  // A counterfactual that counts the designs it would have chosen from goes on with them one by one,
  // though the card's words come between ("… two routes were open to us. One is …, which we did not have. The other …").
  if (tellsHistory(sentence, known) || sentence.opening === 'trial') return sentence.countsWhatIf ? 'announced' : 'history';
  if (sentence.opening === 'announces') return 'announced';
  // Designs announced stay in view to the paragraph's end, for the sentences that name them by their place.
  const announced = known === 'announced' || known === 'announcedAside' || known === 'announcedItem';
  if (sentence.own) return announced ? 'announcedAside' : 'none';
  // "Packed-sequence models grow …" opens with a kind of system, and goes on with the designs announced.
  if (describesAnnounced(sentence, known)) return sentence.listItem || sentence.continuesLine ? 'announcedItem' : 'announced';
  if (sentence.asksAboutAlternative) return 'asked';
  if (sentence.opening === 'others') return 'others';
  if (pointsBackAt(sentence, known)) return announced ? 'announced' : known === 'asked' ? 'others' : known;
  return announced ? 'announcedAside' : 'none';
}

/**
 * The sentence a mention's sentence is about: where the first word is of the sentence it points
 * back to, through the pointing sentences before it in its paragraph ("Quibrel-L was never going
 * to fit. It runs …" is about the sentence opening "Quibrel-L"); or `carried` when they reach the
 * passage's start, and the passage before says.
 */
export type Subject = { readonly first: number; readonly carried?: undefined } | { readonly first?: undefined; readonly carried: true };

export interface PassageDiscourse {
  /** What the sentence that holds `start` is about (`Subject`). */
  subjectOf(start: number): Subject;
  /** What the passage's last sentence is about, for the next passage's pointing sentences; undefined for a passage of no sentence. */
  lastSubject(): Subject | undefined;
  /**
   * Whether the mention at `start` is about other systems or an earlier build, by what its
   * sentence owes the ones before it, when the passage before left off about `before`.
   */
  setsAside(start: number, before: Topic): boolean;
  /** What the passage leaves the next one, when the passage before left off about `before`. */
  out(before: Topic): Topic;
}

/** The sentences of a passage, read once, for the mentions found in it. */
export function readDiscourse(text: string): PassageDiscourse {
  const sentences = sentencesOf(text);
  const outs = new Map<Topic, Topic>();
  // Where the last mention asked for each topic was: mentions come in text order, so the
  // sentences are read once for all of them, not once for each.
  const cursors = new Map<Topic, { k: number; topic: Topic }>();
  /** The subject of the k-th sentence: back through the pointing sentences of its paragraph. */
  const subjectFrom = (k: number): Subject => {
    while (sentences[k].opening === 'back' && !sentences[k].paragraph) {
      if (k === 0) return { carried: true };
      k--;
    }
    return { first: sentences[k].first };
  };
  return {
    subjectOf(start) {
      if (sentences.length === 0) return { carried: true };
      // The last sentence that starts at or before `start`, found by halving.
      let low = 0;
      let high = sentences.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (sentences[mid].start <= start) low = mid;
        else high = mid - 1;
      }
      return subjectFrom(low);
    },
    lastSubject: () => (sentences.length === 0 ? undefined : subjectFrom(sentences.length - 1)),
    setsAside(start, before) {
      if (sentences.length === 0) return false;
      let cursor = cursors.get(before);
      if (!cursor || sentences[cursor.k].start > start) cursors.set(before, cursor = { k: 0, topic: before });
      while (cursor.k + 1 < sentences.length && sentences[cursor.k + 1].start <= start) {
        cursor.topic = after(sentences[cursor.k], cursor.topic);
        cursor.k++;
      }
      const sentence = sentences[cursor.k];
      const known = topicBefore(sentence, cursor.topic);
      if (tellsHistory(sentence, known) || inBackground(sentence, known)) return true;
      return describesAnnounced(sentence, known) || (pointsBackAt(sentence, known) && inSentenceOpeningWith(text, start, pointsBack, false));
    },
    out(before) {
      let out = outs.get(before);
      if (out === undefined) outs.set(before, out = sentences.reduce<Topic>((topic, sentence) => after(sentence, topic), before));
      return out;
    },
  };
}

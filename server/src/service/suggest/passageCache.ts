/**
 * The suggester reads prose passage by passage (a paragraph, or a sentence of one) and remembers
 * what each passage gave, so that a keystroke, which changes one passage, costs the reading of
 * that passage only.
 *
 * This is exact because nothing the suggester reads crosses a blank line ("\n\n") or a sentence
 * end (". ", "?\n"…): a phrase stops at sentence punctuation and at a second line break;
 * concepts are found within one sentence, which ends at both; the negation, clause and lineage
 * look-backs stop at a line break or at sentence punctuation; URLs stop at whitespace. So a
 * text's reading is its passages' readings with their offsets shifted, which
 * `test/service/passageCache.test.ts` checks against reading each text whole. Two exceptions keep
 * it exact: a heading line is not split (whether a line break ends a sentence depends on whether
 * its line is a heading, read back from the break), a table row is not split (a comparison table's
 * cells are read across its rows), and "\r\n\r\n" does not split (a lineage cue looks across
 * it). What one sentence owes the ones before it in its paragraph (discourse.ts)
 * crosses sentence ends by design: each passage's reading says what it makes of its mentions and
 * what it leaves the next passage for each thing the passage before may leave it, and the
 * suggester puts them together in order when it ranks.
 *
 * Memory: passages are slices of the texts read, which they keep alive. Two generations are
 * kept; when the recent one holds more than MAX_CHARACTERS of passages, it becomes the older one
 * and the older one is dropped, so what is kept stays within about twice that.
 */

/** A passage of a text: where it starts in the text, and what reading it gave. */
export interface ReadPassage<R> {
  readonly start: number;
  readonly reading: R;
}

export interface PassageCache<R> {
  /** The passages of `text`, in order, each read by `read` unless a recent text had it too. */
  passages(text: string): ReadPassage<R>[];
}

export interface PassageCacheOptions {
  /** Every text is one passage: the reference the passage reading is tested against. */
  readonly whole?: boolean;
  /** Characters of passage text a generation may hold (MAX_CHARACTERS). */
  readonly maxCharacters?: number;
}

/** Characters of passage text a generation may hold before a new one starts. */
const MAX_CHARACTERS = 1 << 16;
/** Where passages end: at a blank line (dropped), or after sentence punctuation followed by a space or a line break. */
const BREAK = /\n\n|[.!?](?=[ \n])/g;
const HOLDS_BREAK = new RegExp(BREAK.source);

/**
 * Whether `text` holds a place where passages are cut. A rule that reads across such a place must
 * not hold there, or the reading by passage would differ from the reading whole. As `cutPassages`
 * cuts: a table row holds a cut only at a blank line. `text`'s first line is known to be a whole
 * line only when `atLineStart` says it starts one; otherwise it is read as prose.
 */
export function holdsPassageBreak(text: string, atLineStart = false): boolean {
  if (text.includes('\n\n')) return true;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const wholeLine = lineStart > 0 || atLineStart;
    if (!(wholeLine && isTableRow(text, lineStart)) && HOLDS_BREAK.test(text.slice(lineStart, lineEnd))) return true;
    lineStart = lineEnd;
  }
  return false;
}

export function createPassageCache<R>(read: (passage: string) => R, empty: R, options: PassageCacheOptions = {}): PassageCache<R> {
  const maxCharacters = options.maxCharacters ?? MAX_CHARACTERS;
  let recent = new Map<string, R>();
  let older = new Map<string, R>();
  let recentCharacters = 0;

  function readingOf(passage: string): R {
    if (passage.length === 0) return empty;
    let reading = recent.get(passage);
    if (reading !== undefined) return reading;
    reading = older.get(passage) ?? read(passage);
    if (recentCharacters + passage.length > maxCharacters) {
      older = recent;
      recent = new Map();
      recentCharacters = 0;
    }
    recent.set(passage, reading);
    recentCharacters += passage.length;
    return reading;
  }

  /**
   * The text read last and its passages. A keystroke leaves the text before and after it as it
   * was: passages there are taken from the last text, without making and hashing their strings.
   */
  let last: { text: string; passages: { start: number; end: number; reading: R }[] } | undefined;

  return {
    passages(text) {
      const previous = last;
      const unchanged = previous ? unchangedEnds(previous.text, text) : { prefix: 0, suffix: 0 };
      const shift = text.length - (previous?.text.length ?? 0);
      let k = 0;
      /** The reading of [start, end) when the last text had that passage where this one is unchanged. */
      const readBefore = (start: number, end: number): R | undefined => {
        if (!previous) return undefined;
        const inPrefix = end <= unchanged.prefix;
        if (!inPrefix && start < text.length - unchanged.suffix) return undefined;
        const from = inPrefix ? start : start - shift;
        const passages = previous.passages;
        while (k < passages.length && passages[k].start < from) k++;
        const match = passages[k];
        return match && match.start === from && match.end - match.start === end - start ? match.reading : undefined;
      };
      const read: { start: number; end: number; reading: R }[] = [];
      let start = 0;
      const add = (end: number) => read.push({ start, end, reading: readBefore(start, end) ?? readingOf(text.slice(start, end)) });
      if (options.whole !== true) {
        cutPassages(text, (end, next) => {
          add(end);
          start = next;
        });
      }
      add(text.length);
      last = { text, passages: read };
      return read;
    },
  };
}

/**
 * Where `text` is cut into passages, in order: `cut(end, next)` for each cut, where a passage ends
 * at `end` and the next starts at `next` (two characters on at a blank line, which is dropped).
 * Other readers that must agree with the passages (discourse.ts) cut the same way; with
 * `inTableRows`, also at a sentence end inside a table row, as a reader of sentences does (a
 * passage holds them all, so its reading of them is the whole text's).
 */
export function cutPassages(text: string, cut: (end: number, next: number) => void, inTableRows = false): void {
  const lineStartOf = lineStarts(text);
  // matchAll reads with its own copy of BREAK: a reader called from `cut` may cut a passage too.
  for (const m of text.matchAll(BREAK)) {
    const at = m.index as number;
    if (text.charCodeAt(at) === 10) cut(at, at + 2);
    // A heading line is not cut (see above), nor a table row: a comparison table's cells are read
    // across its rows and columns, and a cell may hold a sentence ("Decides when to speak.").
    else if (!isHeadingLine(text, lineStartOf(at)) && (inTableRows || !isTableRow(text, lineStartOf(at)))) cut(at + 1, at + 1);
  }
}

/** How many characters two texts share at their start and, after that, at their end. */
function unchangedEnds(before: string, after: string): { prefix: number; suffix: number } {
  const most = Math.min(before.length, after.length);
  // Blocks compared natively (startsWith, endsWith), smaller and smaller: a keystroke's texts are
  // the same for thousands of characters on both sides.
  let prefix = 0;
  for (let block = 4096; block >= 1; block >>= 2) {
    while (prefix + block <= most && before.startsWith(after.slice(prefix, prefix + block), prefix)) prefix += block;
  }
  let suffix = 0;
  for (let block = 4096; block >= 1; block >>= 2) {
    while (suffix + block <= most - prefix
      && before.endsWith(after.slice(after.length - suffix - block, after.length - suffix), before.length - suffix)) suffix += block;
  }
  return { prefix, suffix };
}

/** The start of the line an offset is in, for offsets asked in increasing order (linear overall). */
function lineStarts(text: string): (at: number) => number {
  let lineStart = 0;
  let scanned = 0;
  return at => {
    for (;;) {
      const newline = text.indexOf('\n', scanned);
      if (newline < 0 || newline >= at) {
        scanned = at;
        return lineStart;
      }
      lineStart = scanned = newline + 1;
    }
  };
}

/** The code of the first character of the line at `lineStart` past spaces and tabs. */
function firstCodeOfLine(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.charCodeAt(i);
}

/** Whether the line at `lineStart` is a table row: a bar first. */
const isTableRow = (text: string, lineStart: number) => firstCodeOfLine(text, lineStart) === 124;
const isHeadingLine = (text: string, lineStart: number) => firstCodeOfLine(text, lineStart) === 35;

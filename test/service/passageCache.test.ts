/**
 * The suggester reads prose paragraph by paragraph and remembers each paragraph's reading
 * (suggest/passageCache.ts). That is only right if no reader crosses a blank line, so every
 * answer is compared here with a suggester that reads each text whole: on the real corpus texts,
 * the traps and the real cards, on texts joined with every kind of blank line, and on texts edited
 * at random (blank lines, cue words and line breaks put where they hurt most).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createFamilySuggester, FamilySuggester } from '../../server/src/service/suggest';
import { createPassageCache } from '../../server/src/service/suggest/passageCache';
import { knowledge, ROOT } from '../helpers';
import { CORPUS_DIR, loadCorpus } from '../suggester/corpus';
import { hardWrap } from '../suggester/hardWrap';

const corpus = loadCorpus();
const corpusTexts = corpus.texts.map(t => fs.readFileSync(path.join(CORPUS_DIR, t.file), 'utf8'));
const traps = (JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'suggest', 'traps.json'), 'utf8')) as { traps: { text: string }[] }).traps.map(t => t.text);
const realCardsDir = path.join(ROOT, 'test', 'fixtures', 'real-cards');
const realCards = fs.readdirSync(realCardsDir).filter(f => f.endsWith('.md')).map(f => fs.readFileSync(path.join(realCardsDir, f), 'utf8'));
// The descriptions written here: lists, tables, headings and histories the corpus has few of.
const paraphrases = (JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'suggest', 'paraphrases.json'), 'utf8')) as { texts: { id: string; text: string }[] }).texts;

/** One suggester shared by every check, so that passages read for one text are reused by others. */
const byPassage = createFamilySuggester(knowledge);
const whole = createFamilySuggester(knowledge, { wholeTexts: true });

function answers(suggester: FamilySuggester, text: string, inScope: boolean) {
  const reading = suggester.read(text, { inScope });
  return { ranked: reading.ranked(), family: reading.family(), subcategories: reading.subcategories() };
}

function assertSameReading(text: string, label: string): void {
  for (const inScope of [false, true]) {
    assert.deepEqual(answers(byPassage, text, inScope), answers(whole, text, inScope), `${label} (inScope ${inScope})`);
  }
  assert.deepEqual(byPassage.rank(text), whole.rank(text), label);
}

describe('reading by passage gives what reading the whole text gives', () => {
  test('every corpus text, trap and real card, twice (the second time from the cache)', () => {
    const texts = [...corpusTexts, ...traps, ...realCards];
    for (let round = 0; round < 2; round++) texts.forEach((text, k) => assertSameReading(text, `text ${k}, round ${round}`));
  });

  test('every description of paraphrases.json', () => {
    for (const { id, text } of paraphrases) assertSameReading(text, id);
  });

  test("each model's texts joined by every kind of paragraph break", () => {
    const byModel = new Map<string, string[]>();
    corpus.texts.forEach((t, k) => byModel.set(t.model, [...(byModel.get(t.model) ?? []), corpusTexts[k]]));
    for (const [model, texts] of byModel) {
      for (const joint of ['\n\n', '\n\n\n', '\n \n', '\r\n\r\n', '\n\n# Heading\n\n', '\n\n- item\n\n']) {
        assertSameReading(texts.join(joint), `${model} joined by ${JSON.stringify(joint)}`);
      }
    }
  });

  test('a passage break where a phrase, a sentence, a negation, a lineage cue or a URL would run on', () => {
    const seams = [
      'It is based on\n\nMoshi, a dual-stream model.',
      'Moshi\n\n-based speech model with parallel streams.',
      'Unlike cascaded systems\n\ntext and speech tokens share one sequence.',
      'We do not use\n\nparallel streams for the user and the model.',
      'Text and speech tokens share a single\n\nstream of tokens.',
      'See https://example.org/a\n\nb parallel streams of audio.',
      'Values of 12.\n\n5 parallel audio streams.',
      'A full-duplex\n\n\n\n\nspeech-to-speech model that talks while it listens.',
      '\n\n\n\nThinker-Talker, end-to-end.\n\n',
      'ASR, a text LLM and TTS\r\n\r\nin a cascade with a turn-taking predictor.',
      'It is based on the architecture of. Moshi, two parallel streams.',
      'Moshi. -based model. Unlike Moshi? It has two parallel audio streams! Not a cascade.',
      '# Moshi is based on Moshi. It models parallel streams\nof audio for the user and the model.',
      '  # Heading. with ASR and TTS\naround a text LLM. e.g. Moshi, which models parallel streams.',
      'Unlike systems such as e.g. Moshi, which model the user as a parallel stream, ours interleaves text and speech tokens in one sequence.',
      'See arxiv.org/abs/2410.00037. Moshi-based. Version 1.5 uses 12.5 Hz. Parallel streams.',
      // Whether a line break ends a sentence depends on the line before it: a heading, a table row.
      '| a. b |\nMoshi is a speech-text model.',
      '## A. B\nMoshi is a speech-text model.',
      'Our model. It wraps\nMoshi is a speech-text model.',
      // A key opens its sentence, not only its line; its value may be on the next line.
      'Foo bar. Upstream: Moshi',
      'Notes. Base model: kyutai/moshiko-pytorch-bf16',
      'Foo. Upstream:\n[Moshi](https://github.com/kyutai-labs/moshi)',
      'Foo. Upstream:\n\n[Moshi](https://github.com/kyutai-labs/moshi)',
      'It does not. Use\ntwo parallel audio streams.',
      // Markup is blanked before the text is cut into passages.
      'Moshi <!-- a. b\n\nc --> is a speech-text model.',
      'It does not use <span title="x. y">two</span> parallel audio streams.',
      '<p>Unlike cascaded systems<br>\n\n</p>text and speech tokens share one sequence.',
      // A two-cell row is a key and its value only when no passage break cuts it.
      '| Codec. Separate ASR and TTS | ✗ |\nText and speech tokens share one sequence.',
      '| Separate ASR and TTS | No. Really |\nText and speech tokens share one sequence.',
      'Intro.\n| Separate ASR and TTS | ✗ |\nText and speech tokens share one sequence.',
      // A sentence's opening noun phrase is read up to a passage break, not across it.
      'Cascaded\n\nsystems chain ASR and TTS around a text LLM.',
      'Cascaded. Systems chain ASR and TTS around a text LLM.',
      'Most voice\n\nassistants are built as a relay: ASR, a text LLM and TTS.',
      // Asides and lists are read past within a passage only.
      'ASR, LLM and TTS (a.\n\nb) pipelines are slow.',
      'Rather than ASR, LLM. And TTS with a turn predictor, it keeps two parallel audio streams.',
      // A comparison table's label cells are read with their row only when no passage break cuts it.
      '| a. b | Cascade + predictor | Flattened sequence |\n|---|---|---|\n| x | y | z |',
      '| | Cascade + predictor | Ours |\n|---|---|---|\n| Two parallel audio streams. Yes | no | yes |',
      '| | Two parallel audio streams | Ours |\n\n|---|---|---|',
      'Cascaded systems add latency; the tokens. Are interleaved with text in one sequence.',
      // A sentence that points back reads what the sentence before it left, across a passage break but not a blank line.
      'Many popular open speech models take a different path. They interleave text and speech tokens in one sequence.',
      'Many popular open speech models take a different path.\n\nThey interleave text and speech tokens in one sequence.',
      'Many popular open speech models take a different path.\n\nThey are. It interleaves text and speech tokens in one sequence.',
      'Cascaded systems. Are slow. They are. It interleaves text and speech tokens in one sequence. It has two parallel audio streams.',
      'Cascaded systems are slow.\n- They interleave text and speech tokens in one sequence.\nIt has two parallel audio streams. We. It has two parallel audio streams.',
      '## Cascaded systems. They are slow\nThey interleave text and speech tokens in one sequence.',
      'Cascaded systems are slow.\r\n\r\nThey interleave text and speech tokens in one sequence.',
      'There is. A line of work. They interleave text and speech tokens in one sequence.',
      'Our first prototype was a chain. It was. We interleaved text and speech tokens in one sequence. It keeps two parallel audio streams.',
      'Our first prototype was a chain.\nWe interleaved text and speech tokens in one sequence.\n\nWe interleaved text and speech tokens in one sequence.',
      'Many voice models chain ASR and TTS. Our first prototype was one. They interleave text and speech tokens in one sequence.',
      'Readers asked whether. It interleaves text and speech tokens in one sequence.',
      'Readers asked whether it is\n\ninterleaved text and speech tokens in one sequence.',
      'Readers asked whether 12.5 Hz text and speech tokens are interleaved in one sequence.',
      'Last year. We trained a model that interleaves text and speech tokens in one sequence.',
      'Marlo 1.x generated.** Its replies interleaved text and speech tokens in one sequence.',
      '**Marlo 1.x generated.**\n\nIts replies interleaved text and speech tokens in one sequence.',
      '**Notes.** Marlo 1.x generated replies. It interleaved text and speech tokens in one sequence.',
      // A table's cells about other designs are read with the table only when no passage break cuts it.
      '| | Plain. Pipeline | **Trellis** | Decoder |\n|---|---|---|---|\n| x | y | two parallel audio streams |',
      '| | Plain | **Trellis** | Decoder |\n|---|---|---|---|\n| x | y. z | two parallel audio streams |\n| a. b | c | d |',
      '| | Plain | **Trellis** | Decoder |\n\n|---|---|---|---|\n| x | y | two parallel audio streams |',
      '| A | B | C |\n|---|---|---|\n| p | two parallel audio streams | q |\n| **Ours.** x | y | z |',
      // Whether a sentence asks is read ahead to its end, which a passage break is too.
      '**Q: Does it keep two parallel audio streams?** A: Yes. Two parallel audio streams?',
      'Two parallel audio streams of user and model?\n\nNo. Two parallel audio streams of user and model.',
      'Two parallel audio streams of user and model. e.g.? Two parallel audio streams of user and model ?x',
      '# Duet-S\n\nBrightwater-Omni keeps two parallel audio streams. Duet-S. Brightwater-Omni interleaves text and speech tokens in one sequence.',
    ];
    for (const text of seams) assertSameReading(text, JSON.stringify(text));
  });

  test('every corpus text and trap hard-wrapped at 40, 60 and 80 columns, and wrapped and quoted', () => {
    for (const width of [40, 60, 80]) {
      [...corpusTexts, ...traps].forEach((text, k) => assertSameReading(hardWrap(text, width), `text ${k} wrapped at ${width}`));
    }
    const quoted = (text: string) => text.split('\n').map(line => (line.trim() === '' ? '>' : `> ${line}`)).join('\n');
    corpusTexts.forEach((text, k) => assertSameReading(quoted(hardWrap(text, 60)), `text ${k} wrapped at 60 and quoted`));
  });

  test('typing, deleting and pasting key by key, each version read after the one before', () => {
    const keys = ['a', ' ', '.', '. ', '\n', '\n\n', ' not', ' Moshi', '-based', ' streams', '#', '?', '\r\n'];
    const session = fc.record({
      text: fc.integer({ min: 0, max: corpusTexts.length - 1 }),
      keys: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 3 }), insert: fc.constantFrom(...keys) }), { minLength: 1, maxLength: 25 }),
    });
    fc.assert(fc.property(session, ({ text, keys: typed }) => {
      let edited = corpusTexts[text];
      let at = Math.floor(typed[0].at * edited.length);
      for (const [n, key] of typed.entries()) {
        // Mostly where the last key went, as typing does; sometimes elsewhere.
        if (n % 5 === 4) at = Math.floor(key.at * edited.length);
        edited = edited.slice(0, at) + key.insert + edited.slice(at + key.remove);
        at += key.insert.length;
        assertSameReading(edited, `key ${n} of ${JSON.stringify(edited.slice(Math.max(0, at - 40), at + 40))}`);
      }
    }), { numRuns: 60, seed: 20261207 });
  });

  test('texts edited at random', () => {
    const pieces = ['\n\n', '\n', '\r\n', ' not ', ' unlike ', ' based on ', ' Moshi ', '-based ', '. ', '? ', '! ', '.\n', ', which ', ' such as ', ' e.g. ', ' parallel streams ', ' ASR ', ' TTS ', 'https://x.org/', '# ', '\n# ', '\n  #', '| ', '1. '];
    const edit = fc.record({
      text: fc.integer({ min: 0, max: corpusTexts.length - 1 }),
      edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 40 }), insert: fc.constantFrom(...pieces) }), { maxLength: 8 }),
    });
    fc.assert(fc.property(edit, ({ text, edits }) => {
      let edited = corpusTexts[text];
      for (const { at, remove, insert } of edits) {
        const k = Math.floor(at * edited.length);
        edited = edited.slice(0, k) + insert + edited.slice(k + remove);
      }
      assertSameReading(edited, JSON.stringify(edited.slice(0, 80)));
    }), { numRuns: 300, seed: 20261206 });
  });
});

describe('the passage cache', () => {
  const counting = (options?: { maxCharacters?: number }) => {
    const read: string[] = [];
    const cache = createPassageCache((paragraph: string) => { read.push(paragraph); return paragraph.length; }, 0, options);
    return { cache, read };
  };

  test('a keystroke reads again only the passage it changed', () => {
    const { cache, read } = counting();
    const paragraphs = ['First paragraph', 'Second paragraph. Its second sentence', 'Third paragraph'];
    cache.passages(paragraphs.join('\n\n'));
    assert.deepEqual(read, ['First paragraph', 'Second paragraph.', ' Its second sentence', 'Third paragraph']);
    read.length = 0;
    const typed = cache.passages(['First paragraph', 'Second paragraph. Its second sentences', 'Third paragraph'].join('\n\n'));
    assert.deepEqual(read, [' Its second sentences']);
    assert.deepEqual(typed.map(p => p.start), [0, 17, 34, 57]);
    // A change of a passage's last or first character, its length kept, is a change too.
    read.length = 0;
    cache.passages(['First paragraph', 'Second paragraph. Its second sentencez', 'Third paragraph'].join('\n\n'));
    cache.passages(['First paragraph', 'Second paragraph. Its second sentencez', 'Xhird paragraph'].join('\n\n'));
    assert.deepEqual(read, [' Its second sentencez', 'Xhird paragraph']);
  });

  test('empty passages are not read; no split at CRLF blank lines, single line breaks or inside headings', () => {
    const { cache, read } = counting();
    assert.deepEqual(cache.passages('\n\n\n\nA\r\n\r\nB\n \nC').map(p => p.start), [0, 2, 4]);
    assert.deepEqual(read, ['A\r\n\r\nB\n \nC']);
    read.length = 0;
    cache.passages('# A heading. Still the heading\nText. More text.\n  ## Another. Heading.\nLast.\n\nNext');
    assert.deepEqual(read, ['# A heading. Still the heading\nText.', ' More text.', '\n  ## Another. Heading.\nLast.', 'Next']);
  });

  test('what is kept stays bounded: a paragraph unseen for two generations is read again', () => {
    const { cache, read } = counting({ maxCharacters: 100 });
    cache.passages('kept for a while');
    for (let k = 0; k < 20; k++) cache.passages(`filler paragraph number ${k}`);
    read.length = 0;
    cache.passages('kept for a while');
    assert.deepEqual(read, ['kept for a while']);
  });

  test('a paragraph in the older generation is found and moved to the recent one', () => {
    const { cache, read } = counting({ maxCharacters: 40 });
    cache.passages('alpha paragraph');
    cache.passages('beta paragraph that fills');
    cache.passages('gamma starts a generation');
    read.length = 0;
    cache.passages('beta paragraph that fills');
    assert.deepEqual(read, []);
  });
});

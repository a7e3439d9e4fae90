/**
 * What the suggester reads of a text (suggest/markup.ts): HTML's elements, comments and entities
 * blanked out, never a model's own tokens ("<speak>", "<EOS>"); typographic spaces and hyphens
 * made ASCII; offsets kept.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createFamilySuggester } from '../../server/src/service/suggest';
import { plainProse, withoutInvisibles } from '../../server/src/service/suggest/markup';
import { knowledge } from '../helpers';

describe('plainProse', () => {
  test('blanks HTML elements, comments and entities, keeping length and line breaks', () => {
    for (const [text, expected] of [
      ['<p align="center">Two streams.</p>', '                  Two streams.    '],
      ['a<br>b<br/>c<BR />d', 'a    b     c      d'],
      ['<img src="x.png" alt="a > b" width=200> text', '                                        text'],
      ['x <!-- hidden\nnote --> y', `x${' '.repeat(12)}\n${' '.repeat(9)}y`],
      ['ASR&nbsp;&amp;&#160;TTS', `ASR${' '.repeat(17)}TTS`],
      ['<a href="https://x.org/moshi">Moshi</a>', '                              Moshi    '],
    ]) {
      const blanked = plainProse(text);
      assert.equal(blanked, expected, JSON.stringify(text));
      assert.equal(blanked.length, text.length);
    }
  });

  test('makes typographic spaces and hyphens ASCII, and an en dash only inside a word', () => {
    assert.equal(plainProse('two\u00a0parallel\u202fstreams\u3000here'), 'two parallel streams here');
    assert.equal(plainProse('text\u2011to\u2010speech, speech\u2013text'), 'text-to-speech, speech-text');
    assert.equal(plainProse('pages 3\u20134, a pause \u2013 then'), 'pages 3-4, a pause \u2013 then');
    assert.equal(plainProse('😀<br>😀').length, '😀<br>😀'.length);
  });

  test("blanks the quote marks of a line that goes on with the quote's paragraph, and only those", () => {
    assert.equal(plainProse('> It does not use\n> two parallel streams.\n> > nested\n> > on'), '> It does not use\n  two parallel streams.\n> > nested\n    on');
    for (const text of [
      '> [!NOTE]\n> Moshi is a model.',
      '> # Title\n> Moshi is a model.',
      '> | a | b |\n> Moshi is a model.',
      '> one\n>> two',
      '> one\n> - item',
      '> one\n> 2. item',
      '> one\n>\n> two',
      'one\n> two',
    ]) assert.equal(plainProse(text), text, JSON.stringify(text));
  });

  test("blanks a link's brackets and destination, an image, a footnote reference and a citation superscript", () => {
    for (const [text, expected] of [
      ['[Moshi](https://github.com/kyutai-labs/moshi) is a model.', ` Moshi${' '.repeat(39)} is a model.`],
      ['[Moshi](https://x.org/a_(b) "title") is', ` Moshi${' '.repeat(30)} is`],
      ['[Moshi][moshi] is a model.', ' Moshi         is a model.'],
      ['No extra [ASR](#asr) or [TTS][] models.', 'No extra  ASR        or  TTS    models.'],
      ['![logo](logo.png) Moshi is a model.', '                  Moshi is a model.'],
      ['[![arXiv](https://img.shields.io/b.svg)](https://arxiv.org/abs/1)\nMoshi', `${' '.repeat(65)}\nMoshi`],
      ['It is fast.[^1] Moshi is a model.', 'It is fast.     Moshi is a model.'],
      ['It is fast.<sup>1,2</sup> Moshi', 'It is fast.               Moshi'],
    ]) {
      const blanked = plainProse(text);
      assert.equal(blanked, expected, JSON.stringify(text));
      assert.equal(blanked.length, text.length);
    }
    // A superscript with words keeps them; citations and bracketed words that are no links stay.
    assert.equal(plainProse('the 2<sup>nd</sup> stage'), 'the 2     nd       stage');
    for (const text of ['Moshi [12] and Hibiki [3, 4].', 'A [shortcut] reference.', 'f(x) = [a](b']) assert.equal(plainProse(text), text, JSON.stringify(text));
  });

  test('blanks each comment to its end, and leaves one that nothing closes as text', () => {
    assert.equal(plainProse('a <!-- x -->b <!-- y\nz --> c <!-- open'), `a ${' '.repeat(10)}b ${' '.repeat(6)}\n${' '.repeat(5)} c <!-- open`);
    assert.equal(plainProse('<!-- <p> -->Moshi'), `${' '.repeat(12)}Moshi`);
    // Many openers with no close: read once, left as they are.
    const open = '<!--'.repeat(25_000);
    assert.equal(plainProse(`${open} x`), `${open} x`);
  });

  test('makes fullwidth punctuation ASCII', () => {
    assert.equal(plainProse('Base model\uff1aMoshi\uff08a dual-stream model\uff09\uff0c7B'), 'Base model:Moshi(a dual-stream model),7B');
  });

  test("leaves a model's tokens, comparisons and text without markup as they are", () => {
    for (const text of [
      'State tokens <speak> and <listen> mark the turn; <EOS> ends it.',
      'The <audio> placeholder and the <video> one.',
      'latency < 200 ms and a > b',
      'x<y and AT&T',
      '<p without an end',
      'Plain prose with no markup at all.',
    ]) assert.equal(plainProse(text), text, JSON.stringify(text));
  });
});

describe('withoutInvisibles', () => {
  test('drops soft hyphens, zero-width characters, direction marks and a byte order mark, and maps offsets back', () => {
    const text = '\ufeffarchi\u00adtec\u00adture and one\u200b\u200bstream\u200e.';
    const visible = withoutInvisibles(text);
    assert.equal(visible.text, 'architecture and onestream.');
    // Each visible character maps to itself in the text.
    for (let k = 0; k < visible.text.length; k++) assert.equal(text[visible.originalStart(k)], visible.text[k], `character ${k}`);
    // A span's end takes in the invisible characters inside it, not those after it.
    assert.equal(text.slice(visible.originalStart(0), visible.originalEnd(12)), 'archi\u00adtec\u00adture');
    assert.equal(text.slice(visible.originalStart(17), visible.originalEnd(26)), 'one\u200b\u200bstream');
    assert.equal(visible.originalEnd(0), 0);
    assert.equal(visible.originalStart(visible.text.length), text.length);
  });

  test('returns a text without them as it is', () => {
    const text = 'Plain prose, emoji 🚀 and a no-break\u00a0space.';
    const visible = withoutInvisibles(text);
    assert.equal(visible.text, text);
    assert.equal(visible.originalStart(5), 5);
    assert.equal(visible.originalEnd(5), 5);
  });
});

describe('the suggester reads prose through its markup', () => {
  const suggester = createFamilySuggester(knowledge);

  test('markup changes no ranking, and the evidence is quoted as written', () => {
    const plain = 'It does not use two parallel audio streams; text and speech tokens share one sequence.';
    const html = '<p align="center">It does not use two parallel<br>audio streams; text and speech tokens share one sequence.</p>';
    const ranked = (text: string) => suggester.rank(text, { inScope: true }).map(s => [s.family, s.confidence]);
    assert.deepEqual(ranked(html), ranked(plain));
    assert.deepEqual(ranked(plain).map(([family]) => family), ['interleaved-flatten']);
    const evidence = suggester.rank(html, { inScope: true })[0];
    evidence.spans.forEach((span, k) => assert.equal(html.slice(span.start, span.end), evidence.evidence[k]));
  });

  test('a quoted paragraph reads as the paragraph', () => {
    const plain = 'It does not use two parallel audio streams;\ntext and speech tokens share one sequence.';
    const quoted = plain.split('\n').map(line => `> ${line}`).join('\n');
    const ranked = (text: string) => suggester.rank(text, { inScope: true }).map(s => [s.family, s.confidence]);
    assert.deepEqual(ranked(quoted), ranked(plain));
    assert.equal(suggester.suggest('> [!NOTE]\n> Moshi is a speech-text foundation model.')?.family, 'dual-stream-codec');
  });

  test('a name after a tag opens its sentence; a comment hides what it holds', () => {
    assert.equal(suggester.suggest('<p>Moshi is a speech-text foundation model.</p>')?.family, 'dual-stream-codec');
    assert.equal(suggester.suggest('<!-- Moshi is a speech-text foundation model. -->'), null);
  });

  test('a word hyphenated with soft hyphens or split by zero-width spaces reads as the word, quoted as written', () => {
    const plain = 'Moshi is a speech-text foundation model and full-duplex spoken dialogue framework. It models the user and the system as two parallel audio streams.';
    const pasted = '\ufeffMo\u00adshi is a speech-text foun\u00addation model and full-duplex spoken dia\u00adlogue framework. It models the user and the system as two par\u200ballel audio str\u00adeams.';
    const ranked = (text: string) => suggester.rank(text).map(s => [s.family, s.confidence, s.reasons]);
    assert.deepEqual(ranked(pasted), ranked(plain));
    assert.equal(suggester.suggest(pasted)?.family, 'dual-stream-codec');
    for (const s of suggester.rank(pasted)) {
      s.spans.forEach((span, k) => assert.equal(pasted.slice(span.start, span.end), s.evidence[k]));
      assert.ok(s.evidence.some(e => e.includes('\u00ad') || e.includes('\u200b')), 'the evidence is quoted with its invisible characters');
    }
  });

  test('a linked name opens its sentence, and a negation reaches into links', () => {
    assert.equal(suggester.suggest('[Moshi](https://github.com/kyutai-labs/moshi) is a speech-text foundation model.')?.family, 'dual-stream-codec');
    assert.equal(suggester.suggest('[![arXiv](https://img.shields.io/badge/arXiv-2410.00037-b31b1b.svg)](https://arxiv.org/abs/2410.00037)\nMoshi is a speech-text foundation model.')?.family, 'dual-stream-codec');
    const plain = suggester.rank('Real-time speech-to-speech conversation. No extra ASR or TTS models required.', { inScope: true });
    const linked = suggester.rank('Real-time speech-to-speech conversation. No extra [ASR](https://x.org/asr) or [TTS](https://x.org/tts) models required.', { inScope: true });
    assert.deepEqual(linked.map(s => s.reasons), plain.map(s => s.reasons));
    assert.ok(!linked.some(s => s.family === 'near-sts'), 'the negated pipeline is no evidence');
  });

  test("a sub-category's evidence is quoted as written too", () => {
    const text = 'It supports <b>zero-shot voice cloning</b> from a short reference.';
    const plain = suggester.suggestSubcategories(text.replace(/<\/?b>/g, m => ' '.repeat(m.length)));
    const html = suggester.suggestSubcategories(text);
    assert.deepEqual(html.map(s => s.subcategory), ['voice-cloning']);
    assert.deepEqual(html.map(s => [s.subcategory, s.confidence]), plain.map(s => [s.subcategory, s.confidence]));
    for (const s of html) s.spans.forEach((span, k) => assert.equal(text.slice(span.start, span.end), s.evidence[k]));
    const soft = 'It supports zero-shot voice clo\u00adning from a short reference.';
    const found = suggester.suggestSubcategories(soft);
    assert.deepEqual(found.map(s => s.subcategory), ['voice-cloning']);
    for (const s of found) s.spans.forEach((span, k) => assert.equal(soft.slice(span.start, span.end), s.evidence[k]));
    assert.ok(found[0].evidence.some(e => e.includes('clo\u00adning')));
  });
});

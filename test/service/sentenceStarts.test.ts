/**
 * Where a sentence begins (suggest/sentenceStarts.ts), read by the negation scope and by lineage:
 * a wrapped line continues its sentence; a sentence end, a blank line, a heading, a table row, a
 * colon or a list item ends it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { opensSentence, sentenceStartsAfter } from '../../server/src/service/suggest/sentenceStarts';

/** The offset of the word in `text` (its first occurrence). */
const at = (text: string, word: string) => text.indexOf(word);

describe('opensSentence', () => {
  test('a word at the start of the text, after a sentence end or after Markdown marks opens its sentence', () => {
    for (const text of [
      'Moshi is a model.',
      'It is fast. Moshi is a model.',
      '**Moshi** is a model.',
      '- Moshi is a model.',
      '> Moshi is a model.',
      'Intro.\n\nMoshi is a model.',
      '## Overview\nMoshi is a model.',
      '| a | b |\n|---|---|\nMoshi is a model.',
      'Two things:\nMoshi is a model.',
      'First line\n- Moshi is a model.',
      '🔥 Moshi is a model.',
      'It is fast. 🚀 Moshi is a model.',
      '- ✨ **Moshi** is a model.',
      '👩🏽‍💻 Moshi is a model.',
      '🇫🇷 Moshi is a model.',
      '| Moshi is a model. |',
      '| Model | Moshi is a model. |',
    ]) assert.ok(opensSentence(text, at(text, 'Moshi')), JSON.stringify(text));
  });

  test('a word inside its sentence, on a wrapped line or glued to a full stop, does not', () => {
    for (const text of [
      'We compare with Moshi.',
      'In our tests the speech quality of\nMoshi is a clear step up.',
      'A model (e.g.Moshi) is fast.',
      'A model, Moshi, is fast.',
      'Our new model 🔥 Moshi is fast.',
    ]) assert.ok(!opensSentence(text, at(text, 'Moshi')), JSON.stringify(text));
  });
});

describe('sentenceStartsAfter', () => {
  test('a full stop or a line break that ends a line of its own kind', () => {
    assert.ok(sentenceStartsAfter('One. Two', 3));
    assert.ok(sentenceStartsAfter('One\n\nTwo', 4));
    assert.ok(sentenceStartsAfter('# Title\nTwo', 7));
    assert.ok(sentenceStartsAfter('| a |\nTwo', 5));
    assert.ok(sentenceStartsAfter('One\n- Two', 3));
    assert.ok(sentenceStartsAfter('One\n2. Two', 3));
    // A table cell's bar, as a sentence end (wordPositions.ts ends sentences there too).
    assert.ok(sentenceStartsAfter('| While two | x |', 0));
  });

  test('neither a comma nor a line break inside a wrapped sentence', () => {
    assert.ok(!sentenceStartsAfter('One, two', 3));
    assert.ok(!sentenceStartsAfter('One of\nthe two', 6));
    // A "#" inside the line does not make it a heading.
    assert.ok(!sentenceStartsAfter('Issue #3 of\nthe two', 11));
  });
});

/**
 * Evidence found in `sts.architecture` is shown where the author wrote it: offsets in the scalar's
 * value are mapped back to the file word by word (rules/proseText.ts), whatever the scalar's
 * style (plain, quoted with escapes, folded or literal with a header). Each word of the value must
 * land on the same word in the file.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isScalar, parseDocument, Scalar, stringify } from 'yaml';
import { alignScalar, wordBounds } from '../../server/src/service/rules/proseText';

const STYLES = [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_FOLDED, Scalar.BLOCK_LITERAL] as const;
const WORDS = ['Moshi', 'models', 'two', 'parallel', 'audio', 'streams', 'text', 'tokens', '12.5', 'Hz', 'Mimi', 'codec', 'über', 'café', 'speech-to-speech', 'A', 'x'];
const SEPARATORS = [' ', ' ', ', ', '; ', ' — ', '\n', '\n\n', ' "', '" ', ' (', ') ', '\t'];

/** The scalar written in the given style inside a card, with its value and source span as the parser gives them. */
function written(value: string, type: (typeof STYLES)[number], indent: number) {
  const text = `sts:\n  name: x\n  architecture: ${stringify(Object.assign(new Scalar(value), { type }), { lineWidth: 30, minContentWidth: 10, indent }).trimEnd()}\nafter: 1\n`;
  const document = parseDocument(text);
  const node = document.getIn(['sts', 'architecture'], true);
  assert.ok(isScalar(node) && node.range);
  return { text, value: String(node.value), source: { start: node.range[0], end: node.range[1] } };
}

describe('architecture evidence is mapped back to the words the author wrote', () => {
  test('every word of the value lands on itself in the file, in every scalar style', () => {
    const value = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 })
      .map(parts => parts.map(([word, sep]) => word + sep).join('').trim())
      .filter(v => v.length > 0);
    let aligned = 0;
    fc.assert(fc.property(value, fc.constantFrom(...STYLES), fc.integer({ min: 2, max: 4 }), (v, type, indent) => {
      const { text, value: parsed, source } = written(v, type, indent);
      const map = alignScalar(parsed, text, source);
      if (!map) return;
      aligned++;
      const words = wordBounds(parsed);
      for (let k = 0; k < words.length; k += 2) {
        const start: number = map(words[k], false);
        const end: number = map(words[k + 1], true);
        assert.equal(text.slice(start, end), parsed.slice(words[k], words[k + 1]), `${type} ${JSON.stringify(text)}`);
        // Between two words, a start goes to the next word.
        if (k > 0 && words[k] > words[k - 1]) assert.equal(map(words[k - 1], false), start);
      }
      // Past the last word: the end of the scalar.
      assert.equal(map(parsed.length + 1, false), source.end);
    }), { numRuns: 400, seed: 20261206 });
    assert.ok(aligned > 300, `${aligned} of 400 scalars aligned`);
  });

  test('a value whose words differ from its source is not aligned (an escape that makes a letter)', () => {
    const text = 'architecture: "Mo\\x73hi streams"\n';
    const document = parseDocument(text);
    const node = document.get('architecture', true);
    assert.ok(isScalar(node) && node.range);
    assert.equal(String(node.value), 'Moshi streams');
    assert.equal(alignScalar(String(node.value), text, { start: node.range[0], end: node.range[1] }), undefined);
  });

  test('a block scalar header is not taken for a word of the value', () => {
    const text = 'architecture: >2-\n   Moshi streams\n';
    const node = parseDocument(text).get('architecture', true);
    assert.ok(isScalar(node) && node.range);
    const value = String(node.value);
    const map = alignScalar(value, text, { start: node.range[0], end: node.range[1] });
    assert.ok(map);
    const at = value.indexOf('Moshi');
    assert.equal(text.slice(map(at, false), map(at + 5, true)), 'Moshi');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { locateCard } from '../../server/src/service/cardLocator';
import { nodeAtOffset } from '../../server/src/service/nodeAt';
import { parseCard, ParsedCard } from '../../server/src/service/yamlCard';

function yamlCard(text: string): ParsedCard {
  return parseCard(text, 0, text.length);
}

function markdownCard(text: string): ParsedCard {
  const located = locateCard(text, 'markdown');
  assert.equal(located.kind, 'front-matter');
  return parseCard(text, located.yamlStart, located.yamlEnd);
}

/** The offset of `needle` (its `occurrence`-th appearance) plus `delta`. */
function offsetOf(text: string, needle: string, delta = 0, occurrence = 0): number {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.notEqual(offset, -1, `'${needle}' not in the test text`);
  }
  return offset + delta;
}

/** The span of `needle` in the text. */
function spanOf(text: string, needle: string, occurrence = 0) {
  const start = offsetOf(text, needle, 0, occurrence);
  return { start, end: start + needle.length };
}

const CARD = [
  'license: mit',
  'base_model: [kyutai/moshiko-pytorch-bf16, "org/other"]',
  'sts:',
  '  name: PersonaPlex',
  '  family: dual-stream-codec',
  '  subcategories:',
  '    - translation-duplex',
  '    - voice-cloning',
  '  latency:',
  '    - { ms: 170, kind: end-to-end }',
  '  licensing:',
  '    posture: permissive   # a comment',
  '',
].join('\n');

describe('nodeAtOffset: keys and values', () => {
  const card = yamlCard(CARD);

  test('an offset inside a top-level key is on the key', () => {
    assert.deepEqual(nodeAtOffset(card, 2), { path: ['license'], on: 'key', span: spanOf(CARD, 'license'), value: 'license' });
  });

  test('an offset inside a scalar value is on the value', () => {
    assert.deepEqual(nodeAtOffset(card, offsetOf(CARD, 'mit', 1)), { path: ['license'], on: 'value', span: spanOf(CARD, 'mit'), value: 'mit' });
  });

  test("a value's first offset and the offset just after it both count", () => {
    const span = spanOf(CARD, 'mit');
    assert.equal(nodeAtOffset(card, span.start)?.on, 'value');
    assert.equal(nodeAtOffset(card, span.end)?.on, 'value');
  });

  test('the colon right after a key is still the key; the space after it is nothing', () => {
    assert.equal(nodeAtOffset(card, offsetOf(CARD, ': mit'))?.on, 'key');
    assert.equal(nodeAtOffset(card, offsetOf(CARD, ': mit', 1)), undefined);
  });

  test('nested keys and values carry their whole path', () => {
    const key = nodeAtOffset(card, offsetOf(CARD, 'posture', 3));
    assert.deepEqual(key?.path, ['sts', 'licensing', 'posture']);
    assert.equal(key?.on, 'key');
    assert.deepEqual(key?.span, spanOf(CARD, 'posture'));

    const value = nodeAtOffset(card, offsetOf(CARD, 'permissive', 4));
    assert.deepEqual(value, { path: ['sts', 'licensing', 'posture'], on: 'value', span: spanOf(CARD, 'permissive'), value: 'permissive' });
  });

  test('a value ends before a trailing comment, and the comment is nothing', () => {
    assert.equal(nodeAtOffset(card, offsetOf(CARD, '# a comment', 4)), undefined);
  });

  test('block sequence items have their index in the path', () => {
    const hit = nodeAtOffset(card, offsetOf(CARD, 'voice-cloning', 2));
    assert.deepEqual(hit, { path: ['sts', 'subcategories', 1], on: 'value', span: spanOf(CARD, 'voice-cloning'), value: 'voice-cloning' });
    assert.deepEqual(nodeAtOffset(card, offsetOf(CARD, 'translation-duplex'))?.path, ['sts', 'subcategories', 0]);
  });

  test('flow sequence items have their index in the path; a quoted item spans its quotes', () => {
    assert.deepEqual(nodeAtOffset(card, offsetOf(CARD, 'moshiko'))?.path, ['base_model', 0]);
    const quoted = nodeAtOffset(card, offsetOf(CARD, 'org/other'));
    assert.deepEqual(quoted, { path: ['base_model', 1], on: 'value', span: spanOf(CARD, '"org/other"'), value: 'org/other' });
  });

  test('keys and values of a flow mapping inside a sequence', () => {
    const key = nodeAtOffset(card, offsetOf(CARD, 'kind', 1));
    assert.deepEqual(key, { path: ['sts', 'latency', 0, 'kind'], on: 'key', span: spanOf(CARD, 'kind'), value: 'kind' });
    const value = nodeAtOffset(card, offsetOf(CARD, 'end-to-end', 5));
    assert.deepEqual(value?.path, ['sts', 'latency', 0, 'kind']);
    assert.equal(value?.value, 'end-to-end');
    const number = nodeAtOffset(card, offsetOf(CARD, '170', 1));
    assert.deepEqual(number, { path: ['sts', 'latency', 0, 'ms'], on: 'value', span: spanOf(CARD, '170'), value: 170 });
  });

  test('indentation, dashes and brackets are nothing', () => {
    assert.equal(nodeAtOffset(card, offsetOf(CARD, '  family')), undefined);
    assert.equal(nodeAtOffset(card, offsetOf(CARD, '- translation')), undefined);
    assert.equal(nodeAtOffset(card, offsetOf(CARD, '[kyutai')), undefined);
  });

  test('a key whose value is a collection is still a key', () => {
    assert.deepEqual(nodeAtOffset(card, offsetOf(CARD, 'licensing', 1)), {
      path: ['sts', 'licensing'], on: 'key', span: spanOf(CARD, 'licensing'), value: 'licensing',
    });
  });

  test('a block scalar value spans from its header to its last line', () => {
    const text = 'sts:\n  architecture: >\n    Two streams\n    over Mimi.\nlicense: mit\n';
    const hit = nodeAtOffset(yamlCard(text), offsetOf(text, 'over'));
    assert.equal(hit?.on, 'value');
    assert.deepEqual(hit?.path, ['sts', 'architecture']);
    assert.equal(hit?.span.start, offsetOf(text, '>'));
    assert.equal(hit?.value, 'Two streams over Mimi.\n');
  });
});

describe('nodeAtOffset: empty values (for completion)', () => {
  test('after "key: " the cursor is on the empty value of that key, zero-width at the offset', () => {
    const text = 'sts:\n  family: \n  duplex: full\n';
    const offset = offsetOf(text, 'family: ', 'family: '.length);
    assert.deepEqual(nodeAtOffset(yamlCard(text), offset), {
      path: ['sts', 'family'], on: 'value', span: { start: offset, end: offset }, empty: true,
    });
  });

  test('right after the colon, with no space yet, and at the end of the file', () => {
    const text = 'sts:\n  family:';
    const hit = nodeAtOffset(yamlCard(text), text.length);
    assert.deepEqual(hit, { path: ['sts', 'family'], on: 'value', span: { start: text.length, end: text.length }, empty: true });
  });

  test('between the colon and a trailing comment, but not in the comment', () => {
    const text = 'sts:\n  family:   # pick one\n';
    const card = yamlCard(text);
    assert.deepEqual(nodeAtOffset(card, offsetOf(text, ':   #', 2))?.path, ['sts', 'family']);
    assert.equal(nodeAtOffset(card, offsetOf(text, 'pick')), undefined);
  });

  test('the offset on the key itself is still the key', () => {
    const text = 'sts:\n  family: \n';
    assert.equal(nodeAtOffset(yamlCard(text), offsetOf(text, 'family', 6))?.on, 'key');
  });

  test('an empty block sequence item', () => {
    const text = 'sts:\n  subcategories:\n    - voice-cloning\n    - \n';
    const offset = offsetOf(text, '- \n', 2);
    const hit = nodeAtOffset(yamlCard(text), offset);
    assert.deepEqual(hit, { path: ['sts', 'subcategories', 1], on: 'value', span: { start: offset, end: offset }, empty: true });
  });

  test('inside an empty flow sequence: the path of its first item', () => {
    const text = 'sts:\n  subcategories: [ ]\n';
    const hit = nodeAtOffset(yamlCard(text), offsetOf(text, '[ ]', 1));
    assert.deepEqual(hit?.path, ['sts', 'subcategories', 0]);
    assert.equal(hit?.empty, true);
  });

  test('an empty value in a flow mapping', () => {
    const text = 'sts:\n  codec: { name: , frame_rate_hz: 12.5 }\n';
    const hit = nodeAtOffset(yamlCard(text), offsetOf(text, 'name: ', 6));
    assert.deepEqual(hit?.path, ['sts', 'codec', 'name']);
    assert.equal(hit?.empty, true);
  });

  test('an empty value on one line does not reach the next line', () => {
    const text = 'sts:\n  family:\n  duplex: full\n';
    assert.equal(nodeAtOffset(yamlCard(text), offsetOf(text, '  duplex', 1)), undefined);
  });
});

describe('nodeAtOffset: offsets and the card', () => {
  const text = '---\r\nlicense: mit\r\nsts:\r\n  family: codec-free\r\n---\r\n# Title\r\nlicense: apache-2.0\r\n';
  const card = markdownCard(text);

  test('offsets are absolute file offsets in a Markdown card', () => {
    assert.deepEqual(nodeAtOffset(card, offsetOf(text, 'codec-free', 3)), {
      path: ['sts', 'family'], on: 'value', span: spanOf(text, 'codec-free'), value: 'codec-free',
    });
    assert.deepEqual(nodeAtOffset(card, offsetOf(text, 'mit'))?.span, spanOf(text, 'mit'));
  });

  test('offsets before the card, on its markers and in the body are nothing', () => {
    assert.equal(nodeAtOffset(card, 0), undefined);
    assert.equal(nodeAtOffset(card, 1), undefined);
    assert.equal(nodeAtOffset(card, -5), undefined);
    assert.equal(nodeAtOffset(card, offsetOf(text, 'apache')), undefined);
    assert.equal(nodeAtOffset(card, text.length + 10), undefined);
  });

  test('an empty card has nothing', () => {
    assert.equal(nodeAtOffset(yamlCard(''), 0), undefined);
    assert.equal(nodeAtOffset(yamlCard('# only a comment\n'), 3), undefined);
  });

  test('invalid YAML gives a best effort and never throws', () => {
    const broken = 'sts:\n  family: dual-stream-codec\n  bad: [unclosed\nlicense: { mit\n';
    const parsed = yamlCard(broken);
    for (let offset = -1; offset <= broken.length + 1; offset++) assert.doesNotThrow(() => nodeAtOffset(parsed, offset));
    assert.deepEqual(nodeAtOffset(parsed, offsetOf(broken, 'dual'))?.path, ['sts', 'family']);
  });

  test('an alias value reports the value it points to', () => {
    const aliased = 'license: &l mit\nsts:\n  licensing:\n    code: *l\n';
    const hit = nodeAtOffset(yamlCard(aliased), offsetOf(aliased, '*l', 1));
    assert.deepEqual(hit, { path: ['sts', 'licensing', 'code'], on: 'value', span: spanOf(aliased, '*l'), value: 'mit' });
  });
});

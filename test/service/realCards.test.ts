/**
 * Real public model cards (test/fixtures/real-cards, provenance in SOURCES.md): cards the Hub
 * accepts must get no error from us, and their known quirks must be reported as what they are.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { codes, diagnose, ROOT } from '../helpers';

const DIR = path.join(ROOT, 'test', 'fixtures', 'real-cards');
const cards = fs.readdirSync(DIR).filter(name => name.endsWith('.md') && name !== 'SOURCES.md');

/** What each card's quirks should produce (codes only; messages are free to change). */
const EXPECTED: Record<string, string[]> = {
  'qwen2.5-omni-7b.md': ['license.known-id-as-name', 'sts.missing'],
  'nvidia_audio-flamingo-3-chat.md': ['license.other-incomplete', 'sts.missing'],
  'meta_spiritlm_MODEL_CARD.md': ['sts.missing'],
  'other_nemotron-3-8b-chat-4k-rlhf.md': ['sts.missing'],
  'other_mistral-7b-instruct-v0.3.md': ['sts.missing'],
  'moshi_moshika-candle-q8.md': ['sts.missing'],
  'kyutai_hibiki-2b-mlx-bf16.md': ['sts.missing'],
  'sesame_csm-1b.md': ['sts.missing'],
};

/** The family each card's sts.missing suggests: the landscape article's family, or none for text LLMs. */
const SUGGESTED_FAMILY: Record<string, string | null> = {
  'qwen2.5-omni-7b.md': 'interleaved-flatten',
  'nvidia_audio-flamingo-3-chat.md': 'near-sts',
  'meta_spiritlm_MODEL_CARD.md': 'near-sts',
  'other_nemotron-3-8b-chat-4k-rlhf.md': null,
  'other_mistral-7b-instruct-v0.3.md': null,
  'moshi_moshika-candle-q8.md': 'dual-stream-codec',
  'kyutai_hibiki-2b-mlx-bf16.md': 'dual-stream-codec',
  'sesame_csm-1b.md': 'dual-stream-codec',
};

describe('real model cards', () => {
  test('every fixture card has an expectation', () => {
    assert.deepEqual(cards.slice().sort(), Object.keys(EXPECTED).sort());
  });

  for (const name of cards) {
    test(`${name}: no error, and the expected quirks`, () => {
      const text = fs.readFileSync(path.join(DIR, name), 'utf8');
      const diagnostics = diagnose(text, name);
      assert.deepEqual(diagnostics.filter(d => d.severity === 1).map(d => `${d.code}: ${d.message}`), []);
      assert.deepEqual([...new Set(codes(diagnostics))], EXPECTED[name]);
      const stsMissing = diagnostics.find(d => d.code === 'sts.missing')!;
      const suggestion = (stsMissing.data as { suggestion: { family: string } | null }).suggestion;
      assert.equal(suggestion?.family ?? null, SUGGESTED_FAMILY[name]);
      const lines = text.split(/\r\n|\r|\n/);
      for (const { range } of diagnostics) {
        assert.ok(range.end.line < lines.length, 'range inside the document');
        assert.ok(range.end.line - range.start.line < 2, 'range on one key or value, not a block');
      }
    });
  }
});

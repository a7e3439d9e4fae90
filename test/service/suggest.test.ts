/**
 * The family / sub-category suggester: per-case results on the labelled corpus in
 * test/fixtures/suggest (provenance in its README.md), the aggregate figures reported in
 * docs/suggester-measurement.md, and unit tests of matching, negation and scoring.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { FamilyId, KnowledgeBase, SubcategoryId } from '../../server/src/knowledge/schema';
import {
  createFamilySuggester, FAMILY_MIN_CONFIDENCE, isNegated, NEGATION_GRAMMAR, phraseKey, SUBCATEGORY_MIN_CONFIDENCE,
} from '../../server/src/service/suggest';
import { knowledge, ROOT } from '../helpers';

const DIR = path.join(ROOT, 'test', 'fixtures', 'suggest');

interface Case {
  id: string;
  file?: string;
  text?: string;
  family: FamilyId | null;
  subcategories: SubcategoryId[];
  expect: string;
  note?: string;
}

const cases: Case[] = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')).cases;
const textOf = (c: Case) => c.file !== undefined ? fs.readFileSync(path.join(DIR, c.file), 'utf8') : c.text ?? '';
const suggester = createFamilySuggester(knowledge);
const familyOf = (text: string) => suggester.suggest(text)?.family ?? null;
const rankedFamilies = (text: string) => suggester.rank(text).map(s => s.family);

function outcome(c: Case): string {
  const suggestion = suggester.suggest(textOf(c));
  if (c.family === null) return suggestion ? `wrong:${suggestion.family}` : 'null';
  if (!suggestion) return 'abstain';
  return suggestion.family === c.family ? 'hit' : `wrong:${suggestion.family}`;
}

describe('suggester corpus, case by case', () => {
  for (const c of cases) {
    test(`${c.id}: ${c.expect}${c.family ? ` (label ${c.family})` : ''}`, () => {
      assert.equal(outcome(c), c.expect, c.note);
    });
  }

  for (const c of cases) {
    test(`${c.id}: sub-categories [${c.subcategories.join(', ')}]`, () => {
      assert.deepEqual(suggester.suggestSubcategories(textOf(c)).map(s => s.subcategory).sort(), [...c.subcategories].sort());
    });
  }
});

describe('suggester corpus, aggregate figures (docs/suggester-measurement.md)', () => {
  const labelled = cases.filter(c => c.family !== null);
  const results = cases.map(c => ({ c, suggestion: suggester.suggest(textOf(c)) }));

  test('the corpus is what the write-up measured', () => {
    assert.equal(cases.length, 51);
    assert.equal(labelled.length, 42);
    assert.equal(new Set(cases.map(c => c.id)).size, cases.length, 'unique ids');
  });

  test('hit rate 37/42, abstentions 4/42, wrong 1/42 on labelled cases', () => {
    const labelledResults = results.filter(r => r.c.family !== null);
    assert.equal(labelledResults.filter(r => r.suggestion?.family === r.c.family).length, 37);
    assert.equal(labelledResults.filter(r => r.suggestion === null).length, 4);
    assert.equal(labelledResults.filter(r => r.suggestion && r.suggestion.family !== r.c.family).length, 1);
  });

  test('confident-wrong (wrong family, confidence ≥ 0.5) 2/51; 8 of 9 null-labelled texts give null', () => {
    assert.equal(results.filter(r => r.suggestion && r.suggestion.family !== r.c.family && r.suggestion.confidence >= 0.5).length, 2);
    assert.equal(results.filter(r => r.c.family === null && r.suggestion === null).length, 8);
  });

  test('sub-categories: 5 of 5 labels found, no false positive', () => {
    const found = results.flatMap(r => suggester.suggestSubcategories(textOf(r.c)).map(s => `${r.c.id}:${s.subcategory}`));
    const wanted = cases.flatMap(c => c.subcategories.map(s => `${c.id}:${s}`));
    assert.deepEqual(found.sort(), wanted.sort());
    assert.equal(wanted.length, 5);
  });
});

describe('matching: case, hyphens, spaces, arrows, word boundaries', () => {
  test('multi-stream = multistream = multi stream, in any case', () => {
    for (const text of ['a multi-stream model', 'a multistream model', 'a Multi Stream model', 'a MULTI-STREAM model', 'a multi_stream model']) {
      assert.equal(familyOf(text), 'dual-stream-codec', text);
    }
  });

  test('Thinker-Talker = thinker talker = ThinkerTalker', () => {
    for (const text of ['Thinker-Talker design', 'thinker talker design', 'ThinkerTalker design', 'THINKER–TALKER design']) {
      assert.equal(familyOf(text), 'interleaved-flatten', text);
    }
  });

  test('ASR → LLM → TTS, ASR -> LLM -> TTS, ASR/LLM/TTS and ASR-LLM-TTS are one phrase, counted once', () => {
    const variants = ['ASR → LLM → TTS', 'ASR -> LLM -> TTS', 'ASR/LLM/TTS', 'ASR-LLM-TTS', 'asr => llm => tts'];
    for (const v of variants) {
      const suggestion = suggester.rank(`A ${v} chain.`)[0];
      assert.equal(suggestion?.family, 'cascade-predictor', v);
      assert.deepEqual(suggestion.evidence, [v]);
    }
    // All of them in one text: one distinct phrase (weight 0.6), however it is written.
    assert.equal(suggester.rank(variants.join('. '))[0].confidence.toFixed(3), '0.600');
    assert.equal(phraseKey('ASR → LLM → TTS'), phraseKey('ASR/LLM/TTS'));
  });

  test('12.5 Hz = 12.5Hz, and the decimal point is part of the number', () => {
    assert.deepEqual(suggester.rank('frames at 12.5 Hz')[0].evidence, ['12.5 Hz']);
    assert.deepEqual(suggester.rank('frames at 12.5Hz')[0].evidence, ['12.5Hz']);
    assert.deepEqual(suggester.rank('frames at 112.5 Hz'), []);
  });

  test('word boundaries: Mimi is not in mimic, flatten is not in OmniFlatten or unflatten', () => {
    assert.deepEqual(suggester.rank('It can mimic voices; mimicry; Mimis'), []);
    assert.deepEqual(suggester.rank('OmniFlatten-style, unflatten'), []);
    assert.deepEqual(suggester.rank('It uses Mimi.')[0].evidence, ['Mimi']);
    assert.deepEqual(suggester.rank("Mimi's frames")[0].evidence, ['Mimi']);
  });

  test('a phrase may wrap onto the next line but not cross a blank line or a full stop', () => {
    assert.deepEqual(suggester.rank('an inner\nmonologue')[0].evidence, ['inner\nmonologue']);
    assert.deepEqual(suggester.rank('an inner\r\n  monologue')[0].evidence, ['inner\r\n  monologue']);
    assert.deepEqual(suggester.rank('an inner\n\nmonologue'), []);
    assert.deepEqual(suggester.rank('an inner. Monologue'), []);
  });

  test('Markdown emphasis and links do not hide a phrase; URLs are not evidence', () => {
    assert.deepEqual(suggester.rank('*inner* **monologue**')[0].evidence, ['inner* **monologue']);
    const linked = 'audio codes of [Mimi](https://huggingface.co/kyutai/mimi) and www.mimi.example/parallel-streams';
    const suggestion = suggester.rank(linked)[0];
    assert.deepEqual(suggestion.evidence, ['Mimi']);
    assert.deepEqual(suggestion.spans, [{ start: linked.indexOf('Mimi'), end: linked.indexOf('Mimi') + 4 }]);
  });

  test('spans point at the evidence in the given text', () => {
    const text = 'Header\n\nWe interleave nothing.\nText and speech are Interleaved; a Thinker-Talker pair.\n';
    const suggestion = suggester.suggest(text);
    assert.ok(suggestion);
    assert.deepEqual(suggestion.evidence, ['Interleaved', 'Thinker-Talker']);
    assert.deepEqual(suggestion.spans.map(s => text.slice(s.start, s.end)), suggestion.evidence);
  });

  test('the longest phrase wins at a position ("chunk-level state predictor", not "chunk-level")', () => {
    const suggestion = suggester.rank('a chunk-level state predictor')[0];
    assert.deepEqual(suggestion.evidence, ['chunk-level state predictor']);
    assert.equal(suggestion.confidence, 1);
  });
});

describe('negation', () => {
  test('the brief\'s negated phrases are not evidence for the negated family', () => {
    const texts = [
      'No extra ASR, LLM and TTS stages.',
      'Unlike cascaded pipelines.',
      'Unlike cascaded ASR → LLM → TTS pipelines.',
      'Instead of a cascade.',
      'Rather than parallel streams.',
      'This is not a cascade.',
      'It is not a dual-stream model.',
      'A non-cascaded design.',
      'It never uses a cascade.',
      'It avoids the cascade.',
      "It doesn't use parallel streams.",
      'It is free of parallel streams.',
      'Lower latency than a cascade.',
      'Without a separate codec or parallel streams.',
    ];
    for (const text of texts) assert.deepEqual(rankedFamilies(text), [], text);
  });

  test('phrases that begin with a negation are evidence for codec-free, and hide the phrase inside them', () => {
    for (const text of ['It works without a codec.', 'There is no neural audio codec.', 'A codec-free decoder.', 'It runs without a neural audio codec.', 'No codec anywhere.']) {
      assert.deepEqual(rankedFamilies(text), ['codec-free'], text);
    }
  });

  test('a negated codec-free phrase is not evidence either', () => {
    assert.deepEqual(rankedFamilies('It is not codec-free.'), []);
    assert.deepEqual(rankedFamilies('Unlike systems without a codec.'), []);
  });

  test('the negation scope ends at sentence and clause punctuation, line breaks and "but"', () => {
    for (const text of [
      'No public demo. The model is a cascade.',
      'No public demo; a cascade.',
      'Not open: a cascade.',
      'Unlike the 7B model, this one is a cascade.',
      'No public demo\na cascade',
      'Not a toy but a cascade.',
      'Not only a cascade.',
    ]) {
      assert.deepEqual(rankedFamilies(text), ['cascade-predictor'], text);
    }
  });

  test('a cue more than four words back does not negate', () => {
    assert.deepEqual(rankedFamilies('No, sorry. We really do think our model is a cascade.'), ['cascade-predictor']);
    assert.deepEqual(rankedFamilies('no demo released today but weights now use a cascade'), ['cascade-predictor']);
    const at = (text: string) => text.indexOf('cascade');
    assert.equal(isNegated('not a cascade', at('not a cascade')), true);
    assert.equal(isNegated('not here we go a cascade', at('not here we go a cascade')), true, '4th counted word ("a" is a filler)');
    assert.equal(isNegated('not here we go now a cascade', at('not here we go now a cascade')), false, '5th counted word');
    assert.equal(NEGATION_GRAMMAR.windowWords, 4);
  });

  test('negation applies to sub-categories too', () => {
    assert.deepEqual(suggester.suggestSubcategories('There is no voice cloning.'), []);
    assert.deepEqual(suggester.suggestSubcategories('Voice cloning: yes.').map(s => s.subcategory), ['voice-cloning']);
  });
});

describe('scoring and thresholds', () => {
  test('null for empty text, text without evidence, and weak evidence alone', () => {
    assert.equal(suggester.suggest(''), null);
    assert.equal(suggester.suggest('A helpful 7B chat model.'), null);
    assert.equal(suggester.suggest('Tokens from a neural audio codec.'), null, 'one weak hint (0.4) stays below the threshold');
    // Noisy-or: two distinct weak hints (0.4, 0.4) make 0.64, enough to suggest.
    assert.equal(suggester.suggest('Frames at 12.5 Hz from a neural audio codec.')?.confidence.toFixed(2), '0.64');
    assert.ok(FAMILY_MIN_CONFIDENCE > 0.4 && FAMILY_MIN_CONFIDENCE <= 0.5);
  });

  test('a null-labelled corpus text yields null', () => {
    for (const c of cases.filter(c => c.family === null && c.expect === 'null')) assert.equal(suggester.suggest(textOf(c)), null, c.id);
  });

  test('each distinct phrase counts once, but every occurrence is reported', () => {
    const once = suggester.suggest('Mimi.');
    const thrice = suggester.suggest('Mimi. Mimi. MIMI.');
    assert.equal(thrice?.confidence, once?.confidence);
    assert.deepEqual(thrice?.evidence, ['Mimi', 'Mimi', 'MIMI']);
  });

  test('evidence combines by noisy-or', () => {
    // parallel streams 0.9, Mimi 0.7: 1 - 0.1 × 0.3 = 0.97
    assert.equal(suggester.suggest('parallel streams over Mimi')?.confidence.toFixed(3), '0.970');
  });

  test('competing evidence tempers the confidence, and a close split abstains', () => {
    const alone = suggester.rank('two parallel streams')[0];
    const contested = suggester.rank('two parallel streams, in a cascade')[0];
    assert.equal(contested.family, 'dual-stream-codec');
    assert.ok(contested.confidence < alone.confidence);
    assert.equal(contested.confidence.toFixed(3), (0.9 * 0.9 / 1.4).toFixed(3));
    assert.equal(suggester.suggest('Mimi codec and interleaved tokens'), null, '0.7 vs 0.7: too split to say');
  });

  test('sub-categories are judged one by one and several can pass', () => {
    const subs = suggester.suggestSubcategories('Simultaneous translation with voice cloning, thinking while speaking.');
    assert.deepEqual(subs.map(s => s.subcategory).sort(), ['reasoning-realtime', 'translation-duplex', 'voice-cloning']);
    assert.deepEqual(suggester.suggestSubcategories('It advances reasoning.'), [], 'a lone 0.5 hint');
    assert.ok(SUBCATEGORY_MIN_CONFIDENCE > 0.6 && SUBCATEGORY_MIN_CONFIDENCE <= 0.9);
  });
});

describe('knowledge only, and speed', () => {
  test('phrases come from the knowledge base, not from the code', () => {
    const custom: KnowledgeBase = {
      ...knowledge,
      families: knowledge.families.map(f => ({ ...f, evidence: f.id === 'codec-free' ? [{ phrase: 'zebra-crossing', weight: 0.9 }] : [{ phrase: 'unused phrase', weight: 0.1 }] })),
      subcategories: knowledge.subcategories.map(s => ({ ...s, evidence: [{ phrase: `marker ${s.id}`, weight: 0.9 }] })),
    };
    const other = createFamilySuggester(custom);
    assert.equal(other.suggest('a Zebra Crossing design')?.family, 'codec-free');
    assert.equal(other.suggest('parallel streams over Mimi with an inner monologue'), null);
    assert.deepEqual(other.suggestSubcategories('voice cloning; marker voice-cloning').map(s => s.evidence), [['marker voice-cloning']]);
  });

  test('a 10,000-line card is scanned in well under a second', () => {
    const line = 'Unlike a cascade, it runs parallel streams over Mimi (https://example.com/mimi); see the inner monologue.';
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.';
    const text = Array.from({ length: 10_000 }, (_, i) => i % 10 === 0 ? line : filler).join('\n');
    const start = performance.now();
    const suggestion = suggester.suggest(text);
    suggester.suggestSubcategories(text);
    const elapsed = performance.now() - start;
    assert.equal(suggestion?.family, 'dual-stream-codec');
    assert.equal(suggestion?.evidence.length, 3000);
    assert.ok(elapsed < 1000, `${elapsed.toFixed(0)} ms`);
  });
});

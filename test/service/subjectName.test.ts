/**
 * A sentence that opens with another model's name than the card's title speaks of that model
 * (subjectName.ts): a baseline described after a results table is no evidence for the card's family.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createFamilySuggester } from '../../server/src/service/suggest';
import { namesAnotherModel, sentenceSubject, titleWords } from '../../server/src/service/suggest/subjectName';
import { knowledge } from '../helpers';

describe('the model a sentence opens with', () => {
  const subjectOf = (text: string, word: string) => sentenceSubject(text, text.indexOf(word))?.name;

  test('a name that cannot be a common word, opening the sentence', () => {
    assert.equal(subjectOf('Intro. Brightwater-Omni packs text and speech tokens.', 'tokens'), 'brightwater-omni');
    assert.equal(subjectOf('GLM-4-Voice interleaves text and speech tokens.', 'speech'), 'glm-4-voice');
    assert.equal(subjectOf('| a |\n\n**Caldera-Speech** flattens text and speech tokens.', 'flattens'), 'caldera-speech');
    assert.equal(subjectOf('OmniFlatten flattens the streams.', 'streams'), 'omniflatten');
  });

  test('not a plain word, a design word or a name inside the sentence', () => {
    assert.equal(subjectOf('Moshi models two parallel streams.', 'streams'), undefined);
    assert.equal(subjectOf('End-to-End models interleave text and speech.', 'speech'), undefined);
    assert.equal(subjectOf('Full-Duplex speech models keep two streams.', 'streams'), undefined);
    assert.equal(subjectOf('Unlike Brightwater-Omni, the model keeps two streams.', 'streams'), undefined);
  });

  test("the title's words, when the title names a model", () => {
    assert.ok(titleWords('# Model Card for Sorrel-Chat-FD\n\nText.')?.has('sorrel'));
    assert.equal(titleWords('# Introduction\n\nText.'), undefined);
    assert.equal(titleWords('# Moshi\n\nText.'), undefined);
    assert.equal(titleWords('No title. Brightwater-Omni packs text.'), undefined);
    const title = titleWords('# Sorrel-Chat-FD')!;
    assert.equal(namesAnotherModel('sorrel-audio', title), false);
    assert.equal(namesAnotherModel('gatehouse-omni', title), true);
  });
});

describe('a baseline named after a results table is no evidence for the card', () => {
  const suggester = createFamilySuggester(knowledge);
  const families = (text: string) => suggester.rank(text, { inScope: true }).map(r => r.family);
  const body = [
    'Duet-S keeps the user and the model as two parallel audio streams.',
    '',
    '| System | Latency |',
    '|---|---|',
    '| Duet-S | 180 |',
    '| Brightwater-Omni | 720 |',
    '',
    'Brightwater-Omni interleaves text and speech tokens in one sequence.',
  ].join('\n');

  test('under a title that names the card, the baseline is set aside', () => {
    assert.deepEqual(families(`# Duet-S\n\n${body}`), ['dual-stream-codec']);
  });

  test('without such a title it counts; under a title of its own line, the other card is the other one', () => {
    assert.deepEqual(families(body), ['interleaved-flatten', 'dual-stream-codec']);
    assert.deepEqual(families(`# Introduction\n\n${body}`), ['interleaved-flatten', 'dual-stream-codec']);
    assert.deepEqual(families(`# Brightwater-Omni-FD\n\n${body}`), ['interleaved-flatten']);
  });
});

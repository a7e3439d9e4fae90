/**
 * The learned reading of whose design a sentence describes (sentenceOwner.ts): its features, the
 * soft weight it gives a mention, its place in the suggester, and that the shipped weights are
 * what the training script gives from the pinned descriptions.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { createFamilySuggester } from '../../server/src/service/suggest';
import { createSentenceOwner, leftOutBy, mentionFeatures } from '../../server/src/service/suggest/sentenceOwner';
import { knowledge, ROOT } from '../helpers';

const owner = createSentenceOwner(knowledge.sentenceOwner);
const leftOut = leftOutBy(knowledge.sentenceOwner.lexicon_words);
const STREAMS = 'two parallel audio streams';
const at = (text: string, needle = STREAMS) => [text.indexOf(needle), text.indexOf(needle) + needle.length] as const;
const featuresOf = (text: string, needle = STREAMS) => mentionFeatures(text, ...at(text, needle), leftOut);
const shareOf = (text: string, needle = STREAMS) => owner.othersShare(text, ...at(text, needle));
const countedOf = (text: string, needle = STREAMS) => owner.countedShare(text, ...at(text, needle));

describe('the features: how the sentence speaks, not what it names', () => {
  test('words of the sentence around the mention, before and after, with the first and the last few before it', () => {
    const features = featuresOf('We looked at a design that keeps two parallel audio streams for the whole call.');
    for (const feature of ['bias', 'f:we', 'b:we', 'b:looked', 'bn:design', 'bb:we_looked', 'a:whole', 'a:call']) assert.ok(features.includes(feature), feature);
  });

  test('the lexicon\'s words, digits alone and names are left out; a possessive is its word', () => {
    const features = featuresOf('Yesterday Quorvan (12 layers) and its codec kept two parallel audio streams for the user\'s sake.');
    assert.ok(features.includes('f:yesterday'), 'the sentence\'s first word counts, capital or not');
    assert.ok(!features.some(f => f.endsWith(':quorvan')), 'a name');
    assert.ok(!features.some(f => f.endsWith(':12')), 'digits alone');
    assert.ok(!features.some(f => /:codec/.test(f)), 'a lexicon word');
    assert.ok(features.includes('a:sake') && !features.some(f => f.startsWith('a:user')), '"user" is a lexicon word, "user\'s" is "user"');
    // Markup that splits a possessive ("[Quorvan](…)'s") leaves no stray "s".
    assert.deepEqual(featuresOf('The design of Quorvan      \'s team keeps two parallel audio streams.'), featuresOf('The design of Quorvan\'s team keeps two parallel audio streams.'));
  });

  test('only the mention\'s sentence: the sentences around it, a wrapped line and a list item do not change it', () => {
    const alone = featuresOf('Our model keeps two parallel audio streams.');
    assert.deepEqual(featuresOf('We evaluated many baselines. Our model keeps two parallel audio streams. Others would not.'), alone);
    assert.deepEqual(featuresOf('Our model keeps\ntwo parallel audio streams.'), alone);
    assert.notDeepEqual(featuresOf('- We evaluated baselines\n- two parallel audio streams'), featuresOf('We evaluated baselines two parallel audio streams'));
  });

  test('a clause that turns ("but", "while" …) speaks for itself: the words before the turn do not count', () => {
    const features = featuresOf('We considered interleaving, but the model keeps two parallel audio streams.');
    // "the" and "model" are lexicon words ("the model", "language model").
    assert.deepEqual(features.sort(), ['b:keeps', 'bias', 'bn:keeps', 'f:keeps']);
  });
});

describe('the weight a mention keeps', () => {
  test('a sentence about the card\'s model keeps all of it; one about a baseline, an option or most systems keeps little', () => {
    assert.equal(countedOf('Our model keeps two parallel audio streams.'), 1);
    assert.equal(countedOf('In our model, text and audio tokens share a single modeling stream.', 'text and audio tokens share a single modeling stream'), 1);
    for (const text of [
      'We evaluated a baseline that would keep two parallel audio streams.',
      'Most systems we looked at keep two parallel audio streams.',
      'Option A was a chain with two parallel audio streams.',
    ]) {
      assert.ok(shareOf(text) > knowledge.sentenceOwner.threshold, text);
      assert.ok(countedOf(text) < 0.5, text);
    }
  });

  test('the cut is soft: the weight falls in proportion past the threshold, and untrained weights change nothing', () => {
    const text = 'Option A was a chain with two parallel audio streams.';
    const share = shareOf(text);
    assert.ok(Math.abs(countedOf(text) - (1 - share) / (1 - knowledge.sentenceOwner.threshold)) < 1e-12);
    const untrained = createSentenceOwner({ ...knowledge.sentenceOwner, weights: {} });
    assert.equal(untrained.countedShare(text, ...at(text)), 1);
  });

  test('in the suggester: a mention counts less, stays in the ranking, and a sentence that only sounds like others\' still counts', () => {
    const suggester = createFamilySuggester(knowledge);
    const plain = createFamilySuggester({ ...knowledge, sentenceOwner: { ...knowledge.sentenceOwner, weights: {} } });
    const others = 'Option A was a chain with two parallel audio streams.';
    assert.equal(plain.suggest(others, { inScope: true })?.family, 'dual-stream-codec');
    assert.equal(suggester.suggest(others, { inScope: true }), null);
    assert.deepEqual(suggester.rank(others, { inScope: true }).map(s => s.family), ['dual-stream-codec']);
    // The written readings know this sentence's clauses: the learned one must not undo them.
    assert.equal(suggester.suggest('We considered interleaving, but the model keeps two parallel audio streams.', { inScope: true })?.family, 'dual-stream-codec');
  });
});

test('schemas/sentence-owner.json is what `npm run train:sentence-owner` gives from the pinned descriptions and the lexicon', () => {
  // Run the script as CI would; it exits 1 when the file and the training differ.
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'train-sentence-owner.js'), '--check'], { encoding: 'utf8' });
  assert.match(out, /is what training gives/);
});

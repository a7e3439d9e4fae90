/**
 * The family suggester, unit by unit: concepts (wording, order, distance, sentences), negation
 * and clauses about other systems, lineage to known models, the scope of the text, the
 * confidence, and that all of it comes from the knowledge base. The measurement on real texts is
 * in suggestCorpus.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KnowledgeBase } from '../../server/src/knowledge/schema';
import { createFamilySuggester, isNegated, isSetAside, NEGATION_GRAMMAR, SUBCATEGORY_MIN_CONFIDENCE } from '../../server/src/service/suggest';
import { knowledge } from '../helpers';

const suggester = createFamilySuggester(knowledge);
/** The text as the architecture of a card with an `sts` block (the scope is given). */
const inCard = { inScope: true } as const;
const familyOf = (text: string) => suggester.suggest(text, inCard)?.family ?? null;
const firstOf = (text: string) => suggester.rank(text, inCard)[0]?.family ?? null;
const rankedFamilies = (text: string) => suggester.rank(text, inCard).map(s => s.family);
const reasonsOf = (text: string) => suggester.rank(text, inCard).flatMap(s => s.reasons);
const weightOf = (concept: string, family: string) =>
  (knowledge.suggester.concepts.find(c => c.id === concept)!.evidence as Record<string, number>)[family];

describe("the issue's examples (real authors' wordings)", () => {
  test('lineage in prose: "based on the Moshi architecture … finetunes Moshi"', () => {
    const text = 'PersonaPlex is based on the Moshi architecture and weights. The training recipe finetunes Moshi on synthetic and real conversations.';
    const suggestion = suggester.suggest(text);
    assert.equal(suggestion?.family, 'dual-stream-codec');
    assert.deepEqual(suggestion.evidence, ['based on the Moshi', 'finetunes Moshi']);
    assert.deepEqual(suggestion.reasons, ['lineage:moshi', 'lineage:moshi']);
  });

  test('"text and audio tokens share a single modeling stream" is interleaved-flatten', () => {
    const suggestion = suggester.suggest('In our model, text and audio tokens share a single modeling stream.', inCard);
    assert.equal(suggestion?.family, 'interleaved-flatten');
    assert.deepEqual(suggestion.evidence, ['text and audio tokens share a single modeling stream']);
  });

  test('"wrapping text LLMs in Text-to-speech and Speech-to-text models … works with any text LLM" is near-STS', () => {
    const text = 'Unmute is a system that allows text LLMs to listen and speak by wrapping them in Text-to-speech and Speech-to-text models. The system works with any text LLM you like.';
    assert.equal(suggester.suggest(text)?.family, 'near-sts');
    assert.ok(reasonsOf(text).includes('wraps-text-llm'));
  });

  test('"a chunk-wise streaming detokenizer" is no evidence for a cascade', () => {
    assert.deepEqual(rankedFamilies('Audio is produced by a chunk-wise streaming detokenizer based on flow matching.'), []);
  });
});

describe('concepts: several wordings, any order, close together, in one sentence', () => {
  test('the same fact in other words and another order', () => {
    for (const text of [
      'Speech and text share one sequence.',
      'A single stream carries both the text tokens and the speech tokens.',
      'The decoder reads text and audio from the same token sequence.',
    ]) assert.equal(familyOf(text), 'interleaved-flatten', text);
    for (const text of [
      "The user's audio and the model's audio are modelled as two parallel streams.",
      'Two separate channels, one per speaker, carry the audio.',
      'A multistream decoder models the user speech and its own.',
      'A text token is predicted with its audio tokens at every frame, alongside a second stream for the user.',
      'The user and the model speak on 2 audio streams.',
    ]) assert.equal(firstOf(text), 'dual-stream-codec', text);
  });

  test('a concept is its words in any order: talker and thinker, a duplex controller, state tokens, transcription, an LLM that sees only text', () => {
    assert.ok(reasonsOf("A talker module turns the thinker's hidden states into audio tokens.").includes('thinker-talker'));
    assert.ok(reasonsOf('A duplex controller decides chunk by chunk whether to speak or listen.').includes('duplex-state-predictor'));
    assert.ok(reasonsOf('The model emits state tokens that say whether to listen or to speak.').includes('duplex-control-tokens'));
    assert.ok(reasonsOf('A transcription model feeds the LLM, whose reply goes to a TTS engine.').includes('asr-llm-tts-pipeline'));
    assert.ok(reasonsOf('The language model itself only ever sees text.').includes('llm-sees-only-text'));
    assert.ok(reasonsOf("The user's speech and the model's speech each have their own token stream.").includes('parallel-audio-streams'));
    assert.ok(reasonsOf('Instead of a codec, continuous latents are decoded by a vocoder.').includes('no-codec'));
    assert.ok(reasonsOf('Speech recognition and synthesis are separate services.').includes('asr-llm-tts-pipeline'));
  });

  test('text and speech tokens packed in repeating blocks are one sequence; blocks alone are not', () => {
    for (const text of [
      'Every block packs two text tokens followed by ten speech tokens.',
      'The output repeats a fixed pattern: one text token, then two audio tokens.',
    ]) assert.ok(reasonsOf(text).includes('packed-token-blocks'), text);
    for (const text of [
      'The vocoder synthesises audio in blocks of 80 ms.',
      'Input and output run concurrently, without mutual blocking of text and speech tokens.',
    ]) assert.ok(!reasonsOf(text).includes('packed-token-blocks'), text);
  });

  test('inflections are prefixes: interleave, interleaved, interleaving, interleaves', () => {
    for (const word of ['interleave', 'interleaved', 'interleaving', 'interleaves', 'Interleaving']) {
      assert.ok(reasonsOf(`We ${word} text and speech tokens.`).includes('interleaved-tokens'), word);
    }
  });

  test('"streaming" is not a stream: two streaming models are not parallel streams', () => {
    assert.ok(!reasonsOf('It uses two streaming models for audio.').includes('parallel-audio-streams'));
    assert.ok(reasonsOf('It uses two streams for audio.').includes('parallel-audio-streams'));
  });

  test('words too far apart, or in two sentences, are not a concept', () => {
    assert.ok(reasonsOf('Two parallel streams carry the audio.').includes('parallel-audio-streams'));
    const far = 'Two parallel streams are used by a model that was trained for a very long time on lots of data before any audio.';
    assert.ok(!reasonsOf(far).includes('parallel-audio-streams'));
    assert.ok(!reasonsOf('Two parallel streams. Audio comes later.').includes('parallel-audio-streams'));
    assert.ok(!reasonsOf('- Two parallel streams\n- Audio codec of our own').includes('parallel-audio-streams'), 'list items are sentences');
    assert.ok(reasonsOf('Two parallel streams carry\nthe audio of both speakers.').includes('parallel-audio-streams'), 'a wrapped line is not');
  });

  test('a URL inside a sentence neither ends it nor counts as words', () => {
    const text = 'It leverages the multistream architecture of [Moshi](https://arxiv.org/abs/2410.00037) to model source and target speech jointly.';
    assert.ok(reasonsOf(text).includes('parallel-audio-streams'));
    assert.deepEqual(rankedFamilies('See https://example.com/two-parallel-streams-audio for details.'), []);
  });

  test('overlapping terms: "text-to-speech" is also "text" and "speech"', () => {
    assert.ok(reasonsOf('A fixed text-to-speech token ratio of 1:2.').includes('text-speech-token-ratio'));
    assert.ok(reasonsOf('ASR, a text LLM and text-to-speech.').includes('asr-llm-tts-pipeline'));
  });

  test('an `unless` pattern in the sentence cancels the concept: streams interleaved are one sequence', () => {
    const text = 'The user stream and the model stream are interleaved into a single sequence.';
    assert.ok(!reasonsOf(text).includes('parallel-audio-streams'));
    assert.equal(familyOf(text), 'interleaved-flatten');
    assert.ok(!reasonsOf('It handles tasks such as ASR and TTS.').includes('asr-llm-tts-pipeline'));
    assert.ok(reasonsOf('A pipeline of ASR, an LLM and TTS.').includes('asr-llm-tts-pipeline'));
  });

  test('wordings of one fact count once, at the strongest; distinct facts still add up', () => {
    const weightOf = (id: string) => knowledge.suggester.concepts.find(c => c.id === id)!.evidence['cascade-predictor']!;
    const oneFact = ['duplex-state-predictor', 'speak-or-listen-decision', 'duplex-control-tokens'];
    assert.ok(oneFact.every(id => knowledge.suggester.concepts.find(c => c.id === id)!.fact === 'turn-state-decision'));
    const text = 'A head predicts the state of each chunk. The model decides when to speak. A special token marks each turn.';
    const top = suggester.rank(text, inCard)[0];
    assert.deepEqual([...new Set(top.reasons)].sort(), [...oneFact].sort());
    assert.equal(top.family, 'cascade-predictor');
    assert.ok(Math.abs(top.confidence - Math.max(...oneFact.map(weightOf))) < 1e-9, String(top.confidence));
    // Micro-turns are another fact: the two combine by noisy-or.
    const two = suggester.rank(`${text} Turns are cut into micro-turns.`, inCard)[0];
    const expected = 1 - (1 - Math.max(...oneFact.map(weightOf))) * (1 - weightOf('micro-turns'));
    assert.ok(Math.abs(two.confidence - expected) < 1e-9, `${two.confidence} vs ${expected}`);
  });

  test('the evidence is the words from the first to the last of the concept, at their offsets', () => {
    const text = 'Overview. Our speech and text tokens share one sequence!';
    const suggestion = suggester.rank(text, inCard)[0];
    assert.deepEqual(suggestion.evidence, ['speech and text tokens share one sequence']);
    assert.deepEqual(suggestion.spans.map(s => text.slice(s.start, s.end)), suggestion.evidence);
  });
});

describe('negation and clauses about other systems', () => {
  test('negated concepts are not evidence', () => {
    const texts = [
      'No extra ASR and TTS stages.',
      'Unlike cascaded pipelines.',
      'Unlike cascaded ASR → LLM → TTS pipelines.',
      'Instead of a cascade.',
      'Rather than parallel streams of audio.',
      'This is not a cascade.',
      'A non-cascaded design.',
      'It never uses a cascade.',
      'It avoids the cascade.',
      "It doesn't use parallel audio streams.",
      'Lower latency than a cascade.',
      'Without any parallel audio streams.',
      // A hyphenated compound is one word of the window.
      'There is no chunk-by-chunk state head deciding whether to speak.',
    ];
    for (const text of texts) assert.deepEqual(rankedFamilies(text), [], text);
  });

  test('a concept that is itself a negation ("without a codec", "codec-free") is evidence for codec-free', () => {
    for (const text of ['It works without a codec.', 'There is no neural audio codec.', 'A codec-free decoder.', 'No codec anywhere.']) {
      assert.deepEqual(rankedFamilies(text), ['codec-free'], text);
    }
    assert.deepEqual(rankedFamilies('It is not codec-free.'), []);
    // The next item of a list of negated things is one of them, not a double negation.
    const listed = suggester.rank('It keeps no separate turn-detection model and no speech tokenizer.', inCard);
    assert.deepEqual(listed.map(s => s.family), ['codec-free']);
    assert.deepEqual(listed[0].evidence, ['no speech tokenizer']);
  });

  test('the negation scope ends at clause punctuation, a line break that ends a sentence, and "but"', () => {
    for (const text of [
      'No public demo. The model is a cascade.',
      'No public demo; a cascade.',
      'Unlike the 7B model, this one is a cascade.',
      'No public demo\n- a cascade',
      'No public demo\n\na cascade',
      '# No public demo\na cascade',
      'Not a toy but a cascade.',
      'Not only a cascade.',
    ]) assert.equal(firstOf(text), 'cascade-predictor', text);
    // A wrapped line goes on with its clause, as in a hard-wrapped README or a literal YAML block.
    for (const text of [
      'It does not use\na cascade.',
      'It does not use a\r\ncascade.',
      'Unlike cascaded\nsystems, ours interleaves text and speech tokens.',
    ]) assert.notEqual(firstOf(text), 'cascade-predictor', text);
    const at = (text: string) => text.indexOf('cascade');
    assert.equal(isNegated('not here we go a cascade', at('not here we go a cascade')), true, '4th counted word');
    assert.equal(isNegated('not here we go now a cascade', at('not here we go now a cascade')), false, '5th counted word');
    assert.equal(NEGATION_GRAMMAR.windowWords, 4);
  });

  test('a clause about traditional or existing systems, or one that criticises, is set aside', () => {
    assert.deepEqual(rankedFamilies('Traditional cascaded ASR, LLM and TTS pipelines add latency.'), []);
    assert.deepEqual(rankedFamilies('Most existing models interleave text and speech tokens.'), []);
    assert.deepEqual(rankedFamilies('Cascaded systems suffer from error propagation.'), []);
    assert.deepEqual(rankedFamilies('Early approaches relied on cascaded ASR, LLM and TTS pipelines.'), []);
    assert.deepEqual(rankedFamilies('Earlier works interleave text and speech tokens.'), []);
    // "Early" and "earlier" that do not name others' work leave the clause the model's own.
    assert.deepEqual(rankedFamilies('The early layers interleave text and speech tokens.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('As noted earlier the model interleaves text and speech tokens.'), ['interleaved-flatten']);
    const text = 'Traditional systems chain ASR and TTS, but we interleave text and speech tokens.';
    assert.deepEqual(rankedFamilies(text), ['interleaved-flatten']);
    assert.equal(isSetAside('existing models interleave', 'existing models '.length, 'existing models interleave'.length), true);
    assert.equal(isSetAside('our models interleave', 'our models '.length, 'our models interleave'.length), false);
  });

  test('a predicate that finds fault sets its subject aside, past an aside in parentheses or a list', () => {
    assert.deepEqual(rankedFamilies('Cascade approaches (ASR → LLM → TTS) accumulate errors.'), []);
    assert.deepEqual(rankedFamilies('Cascaded ASR, LLM and TTS pipelines lose paralinguistic cues.'), []);
    assert.deepEqual(rankedFamilies('ASR+LLM+TTS cascades are slow.'), []);
    assert.deepEqual(rankedFamilies('ASR and TTS pipelines add latency.'), []);
    // The usual way, which the sentence then turns from.
    assert.deepEqual(rankedFamilies('Cascaded ASR-LLM-TTS systems are the norm, but our model keeps two parallel audio streams.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('Cascaded ASR-LLM-TTS systems are the norm.'), ['near-sts', 'cascade-predictor']);
    // A fault taken away, or a word that finds no fault, leaves the clause the model's own.
    assert.deepEqual(rankedFamilies('The model keeps two parallel audio streams without adding latency.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('The model keeps two parallel audio streams, reducing error propagation.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('It addresses these limitations by keeping two parallel audio streams.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('Text and speech tokens are interleaved in one sequence with end-to-end gradient propagation.'), ['interleaved-flatten']);
    // Only a list's comma is read past: a relative clause after a comma says something else.
    const text = 'The model keeps two parallel audio streams, which are slow to train.';
    assert.equal(isSetAside(text, text.indexOf('two'), text.indexOf(',')), false);
    assert.equal(isSetAside('ASR, LLM and TTS are slow.', 0, 'ASR'.length), true);
    assert.equal(isSetAside('ASR, which runs first, is slow.', 0, 'ASR'.length), false);
  });

  test('a clause goes on past a list of one-word items and an elaboration, and no further', () => {
    // A contrast that opens the sentence reaches past its own list.
    assert.deepEqual(rankedFamilies('Rather than chaining a transcriber, an LLM and a synthesizer with a turn predictor, the model keeps two parallel audio streams.'), ['dual-stream-codec']);
    // A comma before a clause of its own ends the contrast: "we …", or a verb with more than one word before "and".
    assert.deepEqual(rankedFamilies('Rather than parallel streams, we flatten text and speech into a single sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('Our model, unlike Moshi which uses parallel streams, interleaves text and speech tokens in one sequence.'), ['interleaved-flatten']);
    // "…, either … or …" elaborates the clause about others.
    assert.deepEqual(rankedFamilies('Most full-duplex speech models rely on codec tokens, either in parallel user and agent streams or interleaved with text in one sequence.'), []);
  });

  test('a background adjective reaches its noun past a few modifiers, but not the card\'s own', () => {
    assert.deepEqual(rankedFamilies('Many recent spoken dialogue systems interleave text and speech tokens.'), []);
    assert.deepEqual(rankedFamilies('Our recent models interleave text and speech tokens.'), ['interleaved-flatten']);
    // A word that cannot be a modifier ends the noun phrase: "models" is the verb here.
    assert.deepEqual(rankedFamilies('It supports many languages and models two parallel audio streams.'), ['dual-stream-codec']);
  });

  test('a negated verb of building or using negates its whole object, up to what is done instead', () => {
    assert.deepEqual(rankedFamilies('We did not train a joint audio-language model with parallel audio streams or with speech tokens interleaved into the text sequence.'), []);
    assert.deepEqual(rankedFamilies("It doesn't rely on a text LLM wrapped in separate ASR and TTS stages."), []);
    assert.deepEqual(rankedFamilies('It does not use ASR and instead keeps two parallel audio streams.'), ['dual-stream-codec']);
    // Another verb, or a negation of something else, negates no design.
    assert.deepEqual(rankedFamilies('It does not wait for the user to finish, because it keeps two parallel audio streams.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('Nothing is vector-quantized: the decoder reads continuous speech embeddings.'), ['codec-free']);
  });

  test('a sentence that opens with a kind of system or with others\' work speaks of them, up to the card\'s own', () => {
    assert.deepEqual(rankedFamilies('Cascaded systems chain a recognizer, a text model and a synthesizer, and lose the voice.'), []);
    assert.deepEqual(rankedFamilies('Dual-stream models run user and model audio as two parallel streams.'), []);
    assert.deepEqual(rankedFamilies('Prior work such as Tolland trains one network, either by running two parallel audio streams or by interleaving text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('Most voice assistants are built as a relay: a recognizer transcribes the user and a synthesizer reads the reply.'), []);
    assert.deepEqual(rankedFamilies('A common recipe is to interleave text and speech tokens in one sequence.'), []);
    // What most others do, in the words for a practice that prevails.
    assert.deepEqual(rankedFamilies('The dominant approach trains a text LLM on one sequence in which speech and text tokens alternate.'), []);
    assert.deepEqual(rankedFamilies('A widespread design chains a recognizer, a text model and a synthesizer.'), []);
    assert.deepEqual(rankedFamilies('Mainstream systems interleave speech and text tokens in one sequence; ours keeps two parallel audio streams.'), ['dual-stream-codec']);
    // The systems set beside the card's: its rivals, the ones closest to it.
    assert.deepEqual(rankedFamilies('Competing systems chain a recognizer, a text model and a synthesizer.'), []);
    assert.deepEqual(rankedFamilies('The nearest systems to Plover chain a recognizer, a text model and a synthesizer, but add a state head that predicts turn changes.'), []);
    // A name, a word for the card's own, or an article before a lone background word leaves it the card's.
    assert.deepEqual(rankedFamilies('Tandemra models two parallel audio streams.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('Cascaded systems are slow, so we keep two parallel audio streams.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('A classic ASR/LLM/TTS cascade, made duplex by a predictor head.'), ['cascade-predictor']);
    assert.deepEqual(rankedFamilies('Speech tokens are interleaved with text tokens in one sequence.'), ['interleaved-flatten']);
  });

  test('a clause or a quantity that opens with a kind of system speaks of it too', () => {
    assert.deepEqual(rankedFamilies('Each works, but cascades lose prosody, while flattened models interleave text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('Plenty of recent work interleaves text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('Nearly every speech model starts from a codec; the tokens are then interleaved with text in one sequence.'), []);
    assert.deepEqual(rankedFamilies('**Flattened models** interleave text and speech tokens in one sequence.'), []);
    // Past a comma the opener's clause has ended; a name after a semicolon is the card's.
    assert.deepEqual(rankedFamilies('Although cascaded systems lose prosody, they keep ASR and TTS around any text LLM.'), ['near-sts']);
    assert.deepEqual(rankedFamilies('Cascaded systems add latency; Tandemra keeps two parallel audio streams.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('Cascaded systems add latency: the model instead keeps two parallel audio streams.'), ['dual-stream-codec']);
  });

  test('others\' work named after "as", the card\'s own former work and "the field" are others\'', () => {
    assert.deepEqual(rankedFamilies('The outputs interleave text and speech tokens in one sequence, as several omni models do.'), []);
    assert.deepEqual(rankedFamilies('Our previous product, Aurel-Cascade, used a speech recogniser, an LLM and a TTS engine.'), []);
    assert.deepEqual(rankedFamilies('The open field mostly uses one design: text and speech tokens interleaved in one sequence.'), []);
    // "as" that compares with no others' work, and the card's own model, stay.
    assert.deepEqual(rankedFamilies('Text and speech tokens are interleaved in one sequence, as shown in Figure 2.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('Our model, Aurel-Flux, interleaves text and speech tokens in one sequence.'), ['interleaved-flatten']);
  });

  test('a question asserts nothing; a difference from a design, a kind\'s relative clause and stacked adjectives are others\'', () => {
    assert.deepEqual(rankedFamilies('**Q: Does it listen and talk on two parallel audio streams?** A: Yes.'), []);
    assert.deepEqual(rankedFamilies('See https://x.org/a?b=two parallel audio streams of the user and the model.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('That is the main design difference from models with two parallel audio streams.'), []);
    assert.deepEqual(rankedFamilies('Teams used to adapting single-sequence models that interleave text and speech tokens in one sequence should note this.'), []);
    assert.deepEqual(rankedFamilies('Our dual-stream models that keep two parallel audio streams are released.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('Some newer voice models keep the user and the model as two parallel audio streams.'), []);
  });

  test('a comparison table\'s labels name the designs compared, not the card\'s own', () => {
    const table = [
      '| | Cascade + predictor | Flattened sequence | **Antiphon** |',
      '|---|---|---|---|',
      '| Reaction | chunk | block | frame |',
      '| Two parallel audio streams | no | no | **yes** |',
    ].join('\n');
    assert.deepEqual(rankedFamilies(table), []);
    // A delimiter row may go without its outer bars.
    assert.deepEqual(rankedFamilies('| | Two parallel audio streams | Ours |\n--- | --- | ---\n| a | b | c |'), []);
    // A label that marks itself as the card's own, and a two-column table of components, are evidence.
    assert.deepEqual(rankedFamilies(table + '\n| **Ours: two parallel audio streams** | x | y | z |'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('| Component | Choice |\n|---|---|\n| Streams | two parallel audio streams |'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('| Component | Choice | Notes |\n|---|---|---|\n| Streams | two parallel audio streams | user and model |'), ['dual-stream-codec']);
  });

  test('a sentence that points back at others\' systems speaks of them, up to the card\'s own words, within a paragraph', () => {
    const others = 'Many popular open speech models take a different path. ';
    assert.deepEqual(rankedFamilies(others + 'They interleave text and speech tokens in one sequence.'), []);
    // The chain goes on through sentences that point back, in one passage or across passages.
    assert.deepEqual(rankedFamilies(others + 'They are popular. In that design text and speech tokens are interleaved in one sequence.'), []);
    assert.deepEqual(rankedFamilies('Models of a different kind avoid this. They encode the model\'s audio and the user\'s audio as two parallel audio streams.'), []);
    // One of the kinds just named, and "another" after it.
    assert.deepEqual(rankedFamilies('Integrated speech models do better. One kind interleaves text and speech tokens in one sequence; another keeps two parallel audio streams.'), []);
    // Without a sentence about others before it, "They" and "It" are the card's model.
    assert.deepEqual(rankedFamilies('Spurge is fast. It interleaves text and speech tokens in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('They interleave text and speech tokens in one sequence.'), ['interleaved-flatten']);
    // A sentence that opens otherwise, a sentence with "we" or "our", and a blank line end the chain.
    assert.deepEqual(rankedFamilies(others + 'Spurge is different. It interleaves text and speech tokens in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies(others + 'We did not. It interleaves text and speech tokens in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies(others + 'They are slow, so our model is new. It interleaves text and speech tokens in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies(others + '\n\nIt interleaves text and speech tokens in one sequence.'), ['interleaved-flatten']);
    // The card's own words before the mention in the pointing sentence keep it the card's.
    assert.deepEqual(rankedFamilies(others + 'They are slow, and we interleave text and speech tokens in one sequence.'), ['interleaved-flatten']);
  });

  test('a design history tells of an earlier build: its opening and the sentences told in the past after it, in its paragraph', () => {
    const history = 'The first Thistle prototype was a single-stream model. We added speech tokens to the vocabulary and interleaved text and speech tokens in one sequence. It talked, but badly.';
    assert.deepEqual(rankedFamilies(history), []);
    assert.deepEqual(rankedFamilies('Our first attempt was a model with two parallel audio streams.'), []);
    assert.deepEqual(rankedFamilies('The first prototype was a chain. It talked badly. We interleaved text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('Last year we trained a research model on continuous speech embeddings with no codec. We shelved it.'), []);
    assert.deepEqual(rankedFamilies('Previously, the model interleaved text and speech tokens in one sequence. It was slow.'), []);
    // Release notes: a name and a release number, and a verb told in the past right after them; after a bold lead-in too.
    assert.deepEqual(rankedFamilies('Linden 2 was our research bet. It kept continuous speech embeddings with no codec. Linden 3 keeps two parallel audio streams.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('**From v1 to v2.** Quarry-Voice v1 interleaved text and speech tokens in one sequence. Quarry-Voice v2 keeps two parallel audio streams.'), ['dual-stream-codec']);
    // What was done to a release, a part of the training, and a verb further on are the card's.
    assert.deepEqual(rankedFamilies('Foo 2 was trained with text and speech tokens interleaved in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('Stage 1 interleaved text and speech tokens in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('## Brindle 2.0, what changed: text and speech tokens interleaved in one sequence.'), ['interleaved-flatten']);
    // Told in the present, or after a blank line, it is the card's model again.
    assert.deepEqual(rankedFamilies(history + ' Thistle now keeps two parallel audio streams.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('The first Thistle prototype was a chain.\n\nWe interleaved text and speech tokens in one sequence.'), ['interleaved-flatten']);
    // What was done to a first version, and a first version told in the present, are the card's.
    assert.deepEqual(rankedFamilies('The first version was trained with text and speech tokens interleaved in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('The first version interleaves text and speech tokens in one sequence.'), ['interleaved-flatten']);
  });

  test('another line of work, a different family of systems, and what "there is" introduces are others\'', () => {
    assert.deepEqual(rankedFamilies('There is a line of work where text and speech tokens are interleaved in one sequence.'), []);
    assert.deepEqual(rankedFamilies('Another line of work interleaves text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('A different family of systems interleaves text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('Some labs have dropped discrete audio units and keep continuous speech embeddings with no codec.'), []);
    assert.deepEqual(rankedFamilies('Most speech LLMs you have seen interleave text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('There is a credible research direction in which text and speech tokens are interleaved in one sequence.'), []);
    assert.deepEqual(rankedFamilies('Users confuse it with chat models. In those assistants, the backbone interleaves text and speech tokens in one sequence.'), []);
    // A noun of the card's own after "There is a …", or no link after the direction, is no line of others' work.
    assert.deepEqual(rankedFamilies('There is a small streaming decoder that interleaves text and speech tokens in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('In these models, text and speech tokens are interleaved in one sequence.'), ['interleaved-flatten']);
    // A number of the card's own models, or a collection noun with no "of" after it, is no group of others.
    assert.deepEqual(rankedFamilies('There are three model sizes that interleave text and speech tokens in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('A different line interleaves text and speech tokens in one sequence.'), ['interleaved-flatten']);
  });

  test('a question the sentence reports is not asserted', () => {
    assert.deepEqual(rankedFamilies('Some readers asked whether we evaluated the codec-free route, where a decoder works on continuous speech embeddings.'), []);
    assert.deepEqual(rankedFamilies('People often wonder if it interleaves text and speech tokens in one sequence.'), []);
    // "whether" after a verb that is not one of asking, and a question asked in an earlier sentence, leave the mention asserted.
    assert.deepEqual(rankedFamilies('We checked whether it helps: text and speech tokens are interleaved in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('Readers asked whether it is fast. Text and speech tokens are interleaved in one sequence.'), ['interleaved-flatten']);
  });

  test('a design said in the conditional is not the card\'s', () => {
    assert.deepEqual(rankedFamilies('A single sequence with text and speech tokens interleaved would have removed the separate ASR.'), []);
    assert.deepEqual(rankedFamilies('The plan was an extra head that would watch the audio and predict the turn state every 200 ms.'), []);
    // "would" far after the mention is another clause's.
    assert.deepEqual(rankedFamilies('Text and speech tokens are interleaved in one sequence, and users say it would help them.'), ['interleaved-flatten']);
  });

  test('a plan or a roadmap is not the card\'s design', () => {
    const cases: [string, string[]][] = [
      // A plan before the mention in its clause, or "is planned" after it.
      ['We plan to add a turn-taking predictor in a future release.', []],
      ['A duplex state predictor is on the roadmap.', []],
      // A sentence that opens with a plan, and a label of one.
      ['In the next version, the model will keep two parallel audio streams.', []],
      ['Roadmap: support two parallel audio streams.', []],
      // A roadmap section, up to the next heading.
      ['## Roadmap\n\n- [ ] A full-duplex version with two parallel audio streams\n\n## Architecture\n\nThe model interleaves text and speech tokens in one sequence.', ['interleaved-flatten']],
      // A release to come is of the model as it is.
      ['We will release the model, which keeps two parallel audio streams.', ['dual-stream-codec']],
    ];
    for (const [text, families] of cases) assert.deepEqual(rankedFamilies(text), families, text);
  });

  test('a section that points to other projects is about them, up to the next heading', () => {
    const projects = '## Related projects\n\n- Parrot: a cascaded voice agent that chains ASR, an LLM and TTS.\n\n## Model\n\n';
    assert.deepEqual(rankedFamilies(`${projects}It keeps two parallel audio streams.`), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('## See also\n\n- Parrot, a cascaded voice agent that chains ASR, an LLM and TTS.'), []);
  });

  test('a comparison table with one column or row marked as the card\'s: the other columns or rows describe other designs', () => {
    const byColumn = [
      '| | Plain pipeline | **Trellis** | Single decoder |',
      '|---|---|---|---|',
      '| Representation | text | text | continuous speech embeddings, no codec |',
    ].join('\n');
    assert.deepEqual(rankedFamilies(byColumn), []);
    assert.deepEqual(rankedFamilies(byColumn.replace('| text | text |', '| text | two parallel audio streams |')), ['dual-stream-codec']);
    const byRow = [
      '| Approach | Layout | Why not |',
      '|---|---|---|',
      '| Packed | text and speech tokens interleaved in one sequence | slow |',
      '| **Birchwood (ours)** | two parallel audio streams | n/a |',
    ].join('\n');
    assert.deepEqual(rankedFamilies(byRow), ['dual-stream-codec']);
    // "(this card)" marks a row as the card's too, and a row so marked wins over a header that says "our".
    assert.deepEqual(rankedFamilies(byRow.replace('**Birchwood (ours)**', 'Birchwood (this card)')), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies(byRow.replace('Why not', 'Our take')), ['dual-stream-codec']);
    // A column or a row labelled with a kind of system describes that kind.
    const byKind = [
      '| | Aspen | Duplex dialogue models |',
      '|---|---|---|',
      '| Streams | one | two parallel audio streams |',
    ].join('\n');
    assert.deepEqual(rankedFamilies(byKind), []);
    assert.deepEqual(rankedFamilies(byKind.replace('Duplex dialogue models', 'Aspen-Large')), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('| Design | Streams | Notes |\n|---|---|---|\n| Dual-stream models | two parallel audio streams | x |'), []);
    // Rows past the twentieth of a long table are not read as the table's: their cells are read as they are.
    const longTable = (mentionRow: number) => ['| | **Ours** | Other |', '|---|---|---|',
      ...Array.from({ length: 25 }, (_, k) => `| r${k} | x | ${k === mentionRow ? 'two parallel audio streams' : 'y'} |`)].join('\n');
    assert.deepEqual(rankedFamilies(longTable(3)), []);
    assert.deepEqual(rankedFamilies(longTable(24)), ['dual-stream-codec']);
    // Also when a cell of an earlier row has had the table read already.
    assert.deepEqual(rankedFamilies(longTable(3).replace('| r24 | x | y |', '| r24 | x | two parallel audio streams |')), ['dual-stream-codec']);
    // No row or column marked, or two of them: the cells are read as they are.
    assert.deepEqual(rankedFamilies(byRow.replace('**Birchwood (ours)**', 'Birchwood')), ['interleaved-flatten', 'dual-stream-codec']);
    assert.deepEqual(rankedFamilies(byRow.replace('| Packed |', '| **Packed** |')).sort(), ['dual-stream-codec', 'interleaved-flatten']);
  });

  test('a voice or its prosody flattened is no packing of tokens', () => {
    assert.deepEqual(rankedFamilies('Most failures came from a voice that flattened during long turns.'), []);
    assert.deepEqual(rankedFamilies('The user and model streams are flattened into one sequence.'), ['interleaved-flatten']);
  });

  test('what a clause says is not needed is set aside, however long, up to the means', () => {
    assert.deepEqual(rankedFamilies('There is no need for a text LLM wrapped in ASR and TTS.'), []);
    assert.deepEqual(rankedFamilies('It removes the need for a text LLM wrapped in ASR and TTS by keeping two parallel audio streams.'), ['dual-stream-codec']);
    // A need that is not denied, or denied in another clause, leaves the clause the model's own.
    assert.deepEqual(rankedFamilies('There is a need for a text LLM wrapped in ASR and TTS.'), ['near-sts']);
    assert.deepEqual(rankedFamilies('There is no need for fine-tuning: a streaming ASR and a TTS wrap any text LLM.'), ['near-sts']);
  });

  test('an alternative the authors tried and dropped is set aside, up to the turn that drops it', () => {
    assert.deepEqual(rankedFamilies('We experimented with flattening the streams into one sequence, but it made sequences too long.'), []);
    assert.deepEqual(rankedFamilies('We tried flattening the streams but it made sequences too long.'), []);
    // What the sentence turns to is the model again.
    assert.deepEqual(rankedFamilies('We tried flattening the streams, but the model keeps two parallel audio streams.'), ['dual-stream-codec']);
    // Tried and kept: no turn, or the turn only in the next sentence.
    assert.deepEqual(rankedFamilies('We experimented with flattening the streams into one sequence, and it worked best.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('We tried flattening the streams. But it is slow.'), ['interleaved-flatten']);
    // A clause between the tried one and the turn: not read as dropped.
    assert.deepEqual(rankedFamilies('We tried flattening the streams, which made training simple but slow.'), ['interleaved-flatten']);
    const text = 'We attempted flattening, however it failed.';
    assert.equal(isSetAside(text, text.indexOf('flattening'), text.indexOf(',')), true);
    assert.equal(isSetAside('We attempted flattening.', 'We attempted '.length, 'We attempted flattening'.length), false);
    // The passage cache splits at sentence ends; the rule must stop there on its own as well.
    const twoSentences = 'We attempted flattening. But it failed.';
    assert.equal(isSetAside(twoSentences, 'We attempted '.length, 'We attempted flattening'.length), false);
    // An aside in parentheses before the turn is passed over whole; a line break in it ends the look.
    const aside = 'We attempted flattening (twice) but it failed.';
    assert.equal(isSetAside(aside, 'We attempted '.length, 'We attempted flattening'.length), true);
    const broken = 'We attempted flattening (twice\n) but it failed.';
    assert.equal(isSetAside(broken, 'We attempted '.length, 'We attempted flattening'.length), false);
  });

  test('a clause of contrast is set aside however long, with the relative clauses that follow it', () => {
    for (const text of [
      'Unlike cascaded systems in which the LLM only sees text, our model hears speech directly.',
      'Unlike cascaded pipelines that chain ASR, an LLM and TTS, our model is trained jointly.',
      'In contrast to dual-stream models such as Moshi, which model the user and the model as parallel streams, we use one.',
      'Compared with systems that interleave text and speech tokens, our design keeps them apart.',
      'As opposed to approaches where the user and the model each have their own audio stream, ours is simpler.',
    ]) assert.deepEqual(rankedFamilies(text), [], text);
    // The clause after the contrast is the card's model again.
    assert.deepEqual(rankedFamilies('Unlike cascaded systems, our model interleaves text and speech tokens.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('In contrast to Moshi, which uses two streams, our decoder interleaves text and speech tokens.'), ['interleaved-flatten']);
    // A sentence ends the contrast.
    assert.deepEqual(rankedFamilies('Unlike cascaded systems. Text and speech tokens share one sequence.'), ['interleaved-flatten']);
    // Comparisons set their clause aside too.
    assert.deepEqual(rankedFamilies('Our model outperforms systems with two parallel audio streams.'), []);
    assert.deepEqual(rankedFamilies('Baselines such as Moshi model two parallel audio streams; ours interleaves text and speech tokens.'), ['interleaved-flatten']);
  });

  test("a sentence that opens with 'whereas' or 'while' sets its first clause against the card's model", () => {
    for (const opener of ['Whereas', 'While']) {
      const text = `${opener} Moshi models two parallel audio streams, our model interleaves text and speech tokens.`;
      assert.deepEqual(rankedFamilies(text), ['interleaved-flatten'], text);
      assert.deepEqual(rankedFamilies(`- ${opener} Moshi models two parallel audio streams, ours is small.`), [], 'a list item is a sentence');
    }
    // Inside a sentence either side may be the card's model: nothing is set aside.
    assert.deepEqual(reasonsOf('Moshi models two parallel audio streams, whereas ours uses an inner monologue.'), ['parallel-audio-streams', 'inner-monologue']);
    // Only the clause it opens: the main clause is the card's model again.
    assert.deepEqual(rankedFamilies('While the user speaks, the model keeps listening: it models two parallel audio streams.'), ['dual-stream-codec']);
    // A line wrapped inside a sentence is no sentence start.
    assert.deepEqual(rankedFamilies('The model keeps listening to the user\nwhile it models two parallel audio streams.'), ['dual-stream-codec']);
  });

  test('negation applies to sub-categories too', () => {
    assert.deepEqual(suggester.suggestSubcategories('There is no voice cloning.'), []);
    assert.deepEqual(suggester.suggestSubcategories('Voice cloning: yes.').map(s => s.subcategory), ['voice-cloning']);
  });
});

describe("the issue's descriptions of the families, in other words", () => {
  test('continuous embeddings without discrete tokens is codec-free', () => {
    const text = "The LLM's hidden states reach a streaming synthesizer as continuous embeddings. No discrete speech tokens are used.";
    assert.equal(familyOf(text), 'codec-free');
  });

  test('ASR and TTS around a text LLM is near-STS; with a turn predictor it is cascade-predictor', () => {
    assert.equal(familyOf("An ASR model transcribes the user's speech, a text LLM writes the reply, and a TTS model speaks it aloud."), 'near-sts');
    assert.equal(familyOf('We cascade ASR, a text LLM and TTS, and a duplex state predictor decides when to speak.'), 'cascade-predictor');
    assert.notEqual(familyOf('Our speech-text LLM is trained for ASR and TTS.'), 'near-sts', 'a speech-text LLM hears audio');
    // Other wordings of the stages: "transcribed", "the transcript"; a turn "detector" is a predictor.
    assert.equal(firstOf('Speech is transcribed by Whisper, the transcript goes to the chat model, and the answer is spoken by a TTS voice.'), 'near-sts');
    assert.equal(firstOf('An end-of-turn detector decides when the cascaded ASR-LLM-TTS system should respond.'), 'cascade-predictor');
  });

  test('the near-STS pipeline yields to a turn predictor said anywhere in the text (concepts.yaml yields_to)', () => {
    const pipeline = 'Speech recognition and speech synthesis surround a text LLM, and any LLM can be plugged in.';
    assert.equal(familyOf(pipeline), 'near-sts');
    const withPredictor = `${pipeline} A small turn-state classifier decides, every 200 ms, whether the system keeps talking.`;
    assert.equal(familyOf(withPredictor), 'cascade-predictor');
    // The yielded words are no evidence shown for any family.
    assert.ok(!suggester.rank(withPredictor, inCard).some(s => s.reasons.includes('pipeline-around-text-llm')), 'pipeline-around-text-llm is shown');
    // Weak Family 3 evidence (a turn decision alone, 0.3) does not make the pipeline yield.
    assert.equal(familyOf(`${pipeline} It decides when to respond.`), 'near-sts');
  });

  test('other wordings of the same facts: avoiding discrete tokens, an LLM that never hears audio, a separate TTS engine', () => {
    assert.deepEqual(reasonsOf('The decoder avoids discrete tokens entirely.'), ['no-discrete-tokens']);
    assert.deepEqual(reasonsOf('The LLM never hears audio: it reads a transcript.'), ['llm-never-hears-audio']);
    // Contracted negations are the negations ("doesn't" is read "doesnt").
    assert.deepEqual(reasonsOf("The LLM doesn't hear audio."), ['llm-never-hears-audio']);
    assert.ok(reasonsOf("Training doesn't update the LLM.").includes('llm-not-updated'));
    assert.deepEqual(reasonsOf('A separate TTS engine reads the answer aloud.'), ['separate-tts-module']);
    // One fact said twice counts once: the LLM that never hears audio is the LLM that sees only text.
    const once = suggester.rank('The LLM never hears audio. The LLM only sees text.', inCard)[0];
    assert.deepEqual([once.reasons, once.confidence.toFixed(2)], [['llm-never-hears-audio', 'llm-sees-only-text'], '0.40']);
  });

  test('a frozen LLM said as what training leaves alone: one fact with "frozen", and it makes an exchangeable LLM yield', () => {
    for (const text of [
      'Training does not update any parameters of the LLM.',
      'We train the speech modules without fine-tuning the LLM.',
      "The LLM's parameters are not updated.",
    ]) assert.deepEqual(reasonsOf(text), ['llm-not-updated'], text);
    // Other things not updated, or an LLM said not to be kept as it is, are not this fact.
    assert.deepEqual(reasonsOf('We do not update the codec.'), []);
    assert.deepEqual(reasonsOf('Unlike Freeze-Omni, which does not update the LLM, we train it fully.'), []);
    // One fact: said twice, with "frozen", it counts once.
    const once = suggester.rank('The LLM is frozen. Training does not update the LLM.', inCard)[0];
    assert.equal(once.confidence.toFixed(2), weightOf('frozen-llm', 'cascade-predictor').toFixed(2));
    // "any LLM" is near-STS's mark unless the text singles out Family 3, as a frozen LLM does.
    const anyLlm = 'The system can use any LLM as its backbone.';
    assert.equal(firstOf(anyLlm), 'near-sts');
    assert.deepEqual(rankedFamilies(`${anyLlm} Its training does not update any parameters of the LLM.`), ['cascade-predictor']);
  });

  test('an ASR, LLM and TTS pipeline with a turn predictor is cascade-predictor', () => {
    assert.equal(familyOf('A cascaded pipeline of ASR, LLM and TTS, with a turn-taking predictor that decides when the model should speak.'), 'cascade-predictor');
  });
});

describe('lineage: a known model named as the base', () => {
  test('the cues before and after the name', () => {
    for (const text of [
      'A fine-tune of Moshi.',
      'Fine-tuned from kyutai/moshiko-pytorch-bf16 on customer calls.',
      'Built upon the pretrained Moshi.',
      'A Moshi-based translation model.',
      "It reuses Moshi's architecture.",
      'It leverages the multistream architecture of\n[Moshi](https://arxiv.org/abs/2410.00037).',
      'Initialised from Qwen2.5-Omni-7B.',
      'A Moshi-style speech-text model.',
      'A Moshi-like duplex model.',
      'We fine-tuned Moshi on French conversations.',
      'We start from the Step-Audio 2 mini checkpoint and continue on Korean speech.',
      'We continue training GLM-4-Voice on Cantonese.',
      'A fork of PersonaPlex with a new voice.',
      // Repackaged weights keep the architecture.
      'This repository contains a quantized version of Moshi for use with candle.',
      'An MLX port of Hibiki, converted to bf16.',
      'A LoRA adapter for Qwen2.5-Omni-7B trained on medical dialogues.',
      'Distilled from Moshi into a smaller student.',
      'A Moshi GGUF file quantized to 4 bits.',
      'This model was converted to MLX format from kyutai/moshiko-pytorch-bf16.',
      'This repository holds GGUF model files for Qwen2.5-Omni-7B.',
      'An ONNX export of Mini-Omni for phones.',
      'A Rust reimplementation of Moshi.',
      'An AWQ-quantized Qwen2.5-Omni-7B.',
      'Trained from the Moshi checkpoint on Korean calls.',
      'We adapt Moshi to Japanese.',
      'Fine-tune Sesame CSM-1B for Hindi.',
      'This project implements fine-tuning of the GLM-4-Voice model.',
      // The model's lab before its name: "Kyutai's Moshi", "NVIDIA PersonaPlex".
      "Built on Kyutai's Moshi.",
      'A fine-tune of NVIDIA PersonaPlex for support calls.',
      // A key whose value is the base, as card templates and detail tables write it.
      '- **Finetuned from model [optional]:** kyutai/moshiko-pytorch-bf16',
      'Original model: [Moshiko](https://huggingface.co/kyutai/moshiko-pytorch-bf16)',
      '**Base model**: Qwen/Qwen2.5-Omni-7B',
      '| Base model | Moshi |',
      'Upstream: [kyutai-labs/hibiki-zero](https://github.com/kyutai-labs/hibiki-zero)',
      'This MLX port of Moshi runs faster than the original.',
      // A Hub id the knowledge base does not list, around a name it knows; a checkpoint's size or variant.
      'This model is a fine-tuned version of [Qwen/Qwen3-Omni-30B-A3B-Instruct](https://huggingface.co/Qwen/Qwen3-Omni-30B-A3B-Instruct) on the None dataset.',
      'Fine-tuned from stepfun-ai/Step-Audio-2-mini.',
      'A Qwen2.5-Omni-7B-Instruct fine-tune.',
    ]) assert.ok(suggester.rank(text)[0]?.reasons.some(r => r.startsWith('lineage:')), text);
    assert.equal(firstOf('Initialised from Qwen2.5-Omni-7B.'), 'interleaved-flatten');
  });

  test('a name with no cue, a negated one, or a base with no family is no lineage', () => {
    assert.deepEqual(rankedFamilies('We compare with Moshi and Qwen2.5-Omni.'), []);
    assert.deepEqual(rankedFamilies('It is not based on Moshi.'), []);
    assert.deepEqual(rankedFamilies('Unlike Moshi, it is small.'), []);
    assert.deepEqual(rankedFamilies('Based on GPT-4o Voice Mode.'), [], 'a closed model the knowledge base places in no family');
    assert.deepEqual(rankedFamilies('A quantized version of Llama-3.1-8B-Instruct.'), [], 'a text LLM repackaged');
    // A rival's lineage, in a clause of comparison, is not the card's.
    assert.deepEqual(rankedFamilies('We compare against a quantized version of Moshi.'), []);
    assert.deepEqual(rankedFamilies('Baselines include a model fine-tuned from Moshi.'), []);
    assert.deepEqual(rankedFamilies('It outperforms systems built on GLM-4-Voice.'), []);
    // A key that is not a base's, a row comparing systems, a header row's column, or a base cast
    // as a baseline is no lineage.
    for (const text of ['Baseline model: Moshi', 'Results: Moshi scores 3.2 MOS.', '| Backbone | Moshi | Qwen2.5-Omni |', '| 7B | Base model | Moshi |',
      '| Base model | Params |\n|---|---|\n| Moshi | 7B |', 'We use the official implementation of Moshi as a baseline.',
      'We fine-tune GLM-4-Voice for comparison.', 'Moshi inference is slower than ours.', 'Related: kyutai-labs/moshi',
      'Config files for Moshi and Hibiki are in configs/.']) assert.ok(!reasonsOf(text).some(r => r.startsWith('lineage:')), text);
    // Negated support or release after the name is about tools, not the card's base …
    for (const text of ['Moshi GGUF files are not supported.', "Moshi-based models aren't available yet.",
      'Models fine-tuned from Moshi are not currently supported by this runtime.']) assert.deepEqual(rankedFamilies(text), [], text);
    // … while a negated property, or a negation in another clause, leaves the lineage.
    for (const text of ['Our Moshi-based model does not need a separate TTS.', 'A Moshi-based model that is not released under CC BY.',
      'We fine-tuned Moshi, and the result is not available yet.', 'Moshi GGUF files are not only supported but fast.']) {
      assert.deepEqual(reasonsOf(text), ['lineage:moshi'], text);
    }
    // A background word before the name is a filler there, not a clause about other systems.
    assert.deepEqual(reasonsOf('It is based on the existing Moshi weights.'), ['lineage:moshi']);
    assert.deepEqual(reasonsOf('A Mini-Omni2-based model.'), ['lineage:mini-omni-2'], 'Mini-Omni2, not Mini-Omni');
    assert.deepEqual(reasonsOf('Fine-tuned from stepfun-ai/Step-Audio-2-mini.'), ['lineage:step-audio-2'], 'a variant of Step-Audio 2, not Step-Audio');
    // Another lab's name is no filler before a model.
    assert.deepEqual(rankedFamilies("Built on NVIDIA's Moshi."), []);
  });

  test('a text LLM as the base names no family', () => {
    for (const text of ['Built on Llama-3.1-8B-Instruct.', 'Initialized from Qwen2.5-7B.', 'Based on Helium.', 'Based on Qwen2-0.5B.']) {
      assert.ok(!reasonsOf(text).some(r => r.startsWith('lineage:')), text);
    }
  });

  test('lineage outweighs a concept', () => {
    const suggestion = suggester.rank('Based on Moshi. Text and speech tokens are interleaved.', inCard);
    assert.equal(suggestion[0].family, 'dual-stream-codec');
    assert.equal(knowledge.suggester.lineage.weight > weightOf('interleaved-tokens', 'interleaved-flatten'), true);
  });
});

describe('a trait several families share', () => {
  test('goes to the family the rest of the text singles out, else stays shared', () => {
    const pipeline = 'Speech recognition and speech synthesis surround the language model.';
    assert.deepEqual(rankedFamilies(pipeline), ['near-sts', 'cascade-predictor']);
    const withPredictor = `${pipeline} A turn-state predictor decides when to speak.`;
    assert.deepEqual(rankedFamilies(withPredictor), ['cascade-predictor']);
    assert.equal(familyOf(withPredictor), 'cascade-predictor');
    const withTextOnlyLlm = `${pipeline} The language model reads and writes only text.`;
    assert.deepEqual(rankedFamilies(withTextOnlyLlm), ['near-sts']);
  });
});

describe('a known model the text presents as its own subject', () => {
  const without = (...ids: string[]) => createFamilySuggester({ ...knowledge, models: knowledge.models.filter(m => !ids.includes(m.id)) });

  test('"We introduce X", "X is a …" at the start of a sentence: the card is for X', () => {
    for (const [text, reason] of [
      ['We introduce SALMONN-omni, a full-duplex speech LLM.', 'presents:salmonn-omni'],
      ['In this paper, we present Qwen2.5-Omni, a multimodal model.', 'presents:qwen2.5-omni'],
      ['Moshi is a speech-text foundation model and full-duplex spoken dialogue framework.', 'presents:moshi'],
      ['## Overview\n\n**Freeze-Omni** is a speech-to-speech dialogue model.', 'presents:freeze-omni'],
      ['It answers fast. GLM-4-Voice is an open voice model.', 'presents:glm-4-voice'],
      // A runtime of the model's own weights.
      ['PersonaPlex inference on Apple Silicon via MLX.', 'presents:personaplex'],
      ['Qwen2.5-Omni-7B is an omni model.', 'presents:qwen2.5-omni'],
    ] as const) {
      assert.deepEqual(reasonsOf(text), [reason], text);
      assert.equal(suggester.suggest(text)?.family, knowledge.models.find(m => m.id === reason.slice('presents:'.length))!.family, text);
    }
  });

  test('"X is a …" may define a rival: the text\'s own evidence for another family outweighs it', () => {
    const { weight, after_weight: afterWeight } = knowledge.suggester.lineage.presenting;
    assert.ok(afterWeight < weight);
    assert.equal(suggester.rank('Moshi is a speech-text foundation model.', inCard)[0].confidence.toFixed(3), afterWeight.toFixed(3));
    assert.equal(suggester.rank('We introduce Moshi, a speech-text foundation model.', inCard)[0].confidence.toFixed(3), weight.toFixed(3));
    const rival = 'Moshi is a strong baseline. Our model interleaves text and speech tokens in a single sequence.';
    assert.equal(firstOf(rival), 'interleaved-flatten');
    assert.notEqual(familyOf(rival), 'dual-stream-codec');
  });

  test('a model that does not open its sentence, or is set aside, is not presented', () => {
    assert.deepEqual(reasonsOf('Our comparison with Moshi is a fair one.'), []);
    assert.deepEqual(reasonsOf('We present a comparison with Moshi.'), []);
    // A wrapped line goes on with its sentence; a heading's line does not.
    assert.deepEqual(reasonsOf('In our tests the speech quality of\nMoshi is a clear step up.'), []);
    assert.deepEqual(reasonsOf('## Overview\nMoshi is a speech-text foundation model.'), ['presents:moshi']);
    assert.deepEqual(reasonsOf('This runtime supports Moshi inference and Whisper inference.'), []);
    assert.deepEqual(reasonsOf('Unlike Moshi, which is a dual-stream model, ours is small.'), []);
  });

  test('a known name that only starts another model\'s name is neither presented nor a base', () => {
    assert.deepEqual(without('hibiki-zero').rank('We introduce Hibiki-Zero, a translation model.', inCard), []);
    assert.deepEqual(without('step-audio-2').rank('We present Step-Audio 2 for speech understanding.', inCard), []);
    assert.deepEqual(without('step-audio-2').rank('A model fine-tuned from Step-Audio 2.', inCard), []);
    assert.deepEqual(without('step-audio-r1.1').rank('We introduce Step-Audio R1.1, a reasoning model.', inCard), []);
    assert.deepEqual(without('llama-omni-2').rank('This is the model architecture of LLaMA-Omni 2.', inCard), []);
    // A size is the same model.
    assert.deepEqual(reasonsOf('Fine-tuned from Moshi 7B.'), ['lineage:moshi']);
    // Known in full, the longer name is the one matched.
    assert.deepEqual(reasonsOf('We introduce Hibiki-Zero, a translation model.'), ['presents:hibiki-zero']);
  });
});

describe('scope and confidence', () => {
  test('alone, a family\'s confidence is its score; rivals lower it by their odds', () => {
    const alone = suggester.rank('Text and speech tokens are interleaved.', inCard)[0];
    assert.equal(alone.confidence.toFixed(3), weightOf('interleaved-tokens', 'interleaved-flatten').toFixed(3));
    const contested = suggester.rank('Text and speech tokens are interleaved. It is modular.', inCard);
    const odds = (p: number) => p / (1 - p);
    const f2 = weightOf('interleaved-tokens', 'interleaved-flatten');
    const near = weightOf('modular-stack', 'near-sts');
    const cascade = weightOf('modular-stack', 'cascade-predictor');
    assert.equal(contested[0].family, 'interleaved-flatten');
    assert.equal(contested[0].confidence.toFixed(4), (odds(f2) / (1 + odds(f2) + odds(near) + odds(cascade))).toFixed(4));
  });

  test('out of scope (no word says the model is one you talk with) the confidence is scaled down', () => {
    const text = 'Text and speech tokens are interleaved.';
    const factor = knowledge.suggester.scope.factor;
    assert.equal(suggester.rank(text)[0].confidence.toFixed(4), (suggester.rank(text, inCard)[0].confidence * factor).toFixed(4));
    const talking = 'A spoken dialogue model: text and speech tokens are interleaved.';
    assert.equal(suggester.rank(talking)[0].confidence, suggester.rank(talking, inCard)[0].confidence);
    const agent = 'A voice agent: text and speech tokens are interleaved.';
    assert.equal(suggester.rank(agent)[0].confidence, suggester.rank(agent, inCard)[0].confidence, 'a voice agent is one you talk with');
    const user = "It models the user's speech and its own: text and speech tokens are interleaved.";
    assert.equal(suggester.rank(user)[0].confidence, suggester.rank(user, inCard)[0].confidence, "a model of the user's speech is one you talk with");
    const derived = 'A fine-tune of Moshi.';
    assert.equal(suggester.rank(derived)[0].confidence, suggester.rank(derived, inCard)[0].confidence, 'a model derived from an STS model is in scope');
  });

  test('null for no evidence, weak evidence, or evidence split between families', () => {
    assert.equal(suggester.suggest('', inCard), null);
    assert.equal(suggester.suggest('A helpful 7B chat model.', inCard), null);
    assert.equal(suggester.suggest('An end-to-end model.', inCard), null, 'a weak hint stays below the threshold');
    assert.equal(suggester.suggest('Two parallel streams of audio; a chunk-level state predictor.', inCard), null, 'too split to say');
    assert.ok(suggester.threshold === knowledge.suggester.threshold);
  });

  test('each concept counts once, every occurrence is evidence', () => {
    const once = suggester.rank('It uses Mimi.', inCard)[0];
    const thrice = suggester.rank('It uses Mimi. Mimi again. MIMI.', inCard)[0];
    assert.equal(thrice.confidence, once.confidence);
    assert.deepEqual(thrice.evidence, ['Mimi', 'Mimi', 'MIMI']);
  });

  test('sub-categories are judged one by one and several can pass', () => {
    const subs = suggester.suggestSubcategories('Simultaneous translation with voice cloning, thinking while speaking.');
    assert.deepEqual(subs.map(s => s.subcategory).sort(), ['reasoning-realtime', 'translation-duplex', 'voice-cloning']);
    assert.deepEqual(suggester.suggestSubcategories('It advances reasoning.'), [], 'a lone 0.5 hint');
    assert.ok(SUBCATEGORY_MIN_CONFIDENCE > 0.6 && SUBCATEGORY_MIN_CONFIDENCE <= 0.9);
  });
});

describe('knowledge only, and speed', () => {
  test('concepts, lineage cues and the threshold come from the knowledge base, not from the code', () => {
    const custom: KnowledgeBase = {
      ...knowledge,
      suggester: {
        ...knowledge.suggester,
        threshold: 0.5,
        lineage: { ...knowledge.suggester.lineage, before: ['spawned from'], after: ['offspring'] },
        concepts: [{ id: 'zebra', why: 'A test concept.', evidence: { 'codec-free': 0.9 }, all: ['zebra + crossing*'], unless: [], yields_to: [], within: 12, gap: 3 }],
      },
    };
    const other = createFamilySuggester(custom);
    assert.equal(other.suggest('It has a zebra crossings design.', inCard)?.family, 'codec-free');
    assert.equal(other.suggest('Two parallel audio streams with an inner monologue.', inCard), null);
    assert.equal(other.suggest('Spawned from Moshi.')?.family, 'dual-stream-codec');
    assert.equal(other.suggest('A Moshi offspring.')?.family, 'dual-stream-codec');
    assert.equal(other.suggest('Based on Moshi.'), null);
    assert.equal(other.threshold, 0.5);
  });

  test('a 10,000-line card is read in well under a second', () => {
    const line = 'Unlike a cascade, it runs two parallel audio streams over Mimi (https://example.com/mimi); see the inner monologue.';
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore text speech.';
    const text = Array.from({ length: 10_000 }, (_, i) => i % 10 === 0 ? line : filler).join('\n');
    const start = performance.now();
    const suggestion = suggester.suggest(text, inCard);
    suggester.suggestSubcategories(text);
    const elapsed = performance.now() - start;
    assert.equal(suggestion?.family, 'dual-stream-codec');
    assert.equal(suggestion?.evidence.length, 3000);
    assert.ok(elapsed < 1000, `${elapsed.toFixed(0)} ms`);
  });
});

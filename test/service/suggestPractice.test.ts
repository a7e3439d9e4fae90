/**
 * The family suggester on the words engineers use for their own pipeline (tracks and lanes, a
 * depth head, a policy head, a TTS bolted on, turns ended by silence) and on how a card sets a
 * design aside in practice (what it dropped, did not fine-tune, prototyped or considered and
 * rejected). Each case is one reading, with the sentence that must not be read so beside it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createFamilySuggester } from '../../server/src/service/suggest';
import { opensWithSiblingName } from '../../server/src/service/suggest/namedOthers';
import { knowledge } from '../helpers';

const suggester = createFamilySuggester(knowledge);
const inCard = { inScope: true } as const;
const rankedFamilies = (text: string) => suggester.rank(text, inCard).map(s => s.family);
const reasonsOf = (text: string) => suggester.rank(text, inCard).flatMap(s => s.reasons);
const has = (text: string, concept: string) => assert.ok(reasonsOf(text).includes(concept), `${concept}: ${text}`);
const lacks = (text: string, concept: string) => assert.ok(!reasonsOf(text).includes(concept), `not ${concept}: ${text}`);

describe("engineers' words for the families' parts", () => {
  test('a track or a lane per speaker is a stream', () => {
    has('We run two token tracks side by side, one for the caller and one for the agent.', 'parallel-audio-streams');
    has('The mic gets its own token lane and the agent audio another.', 'parallel-audio-streams');
    has('The base model factorises a conversation into per-speaker sequences of codec tokens.', 'parallel-audio-streams');
    has('A pair of synchronous acoustic token sequences, one per speaker, is modelled jointly.', 'parallel-audio-streams');
    has('The source speaker is on one track; the model writes its own audio on a second track.', 'parallel-audio-streams');
    has('Three token channels are stepped together: your audio, its audio, its words.', 'parallel-audio-streams');
    has('Three synchronized token sequences: the listener channel, the speaker channel and a transcript.', 'parallel-audio-streams');
    has('A 5B decoder over two concurrent audio-token timelines (caller, agent).', 'parallel-audio-streams');
    has('Source frames arrive on one track; the model writes codec frames on a second track.', 'parallel-audio-streams');
    has('User and assistant tracks are never concatenated in time; their embeddings are summed.', 'parallel-audio-streams');
    has('Caller and agent sit on different channels in the stereo recordings.', 'parallel-audio-streams');
    has('The two speakers are recorded on different channels.', 'parallel-audio-streams');
    has('Picture two tapes rolling at once: one is the user, the other is the bot.', 'parallel-audio-streams');
    has('Moraine weaves user speech units, the assistant\'s text and its speech units into a single timeline.', 'shared-token-sequence');
    // A multi-track codec is one codec's several codebooks.
    lacks('A lightweight multi-track codec renders the audio.', 'parallel-audio-streams');
    // "second" is also a unit of time.
    lacks('The controller decides every second which track of the audio is open.', 'parallel-audio-streams');
  });

  test("one context and words in alternation are Family 2's single sequence", () => {
    has('Text and speech tokens sit in the same context window.', 'shared-token-sequence');
    has('For speech output the model writes word tokens and codec tokens in alternation.', 'alternating-text-speech');
    has('A response is a text chunk of 13 tokens followed by a speech chunk of 26 units.', 'alternating-text-speech');
    lacks('Speech goes to ASR, followed by a text LLM, followed by a speech synthesizer.', 'alternating-text-speech');
    has('We extend its embedding table with 4096 discrete speech units.', 'speech-tokens-in-vocabulary');
    lacks('Its embedding table contains only text tokens, and speech enters through projection layers.', 'speech-tokens-in-vocabulary');
  });

  test('a depth head, a timing or policy head, a decision token', () => {
    has('A small depth head fills in the codebooks of each frame.', 'depth-transformer');
    has('A lightweight timing head watches the audio chunks and decides when to talk.', 'duplex-state-predictor');
    has('A small policy head picks one of WAIT, TALK or HALT.', 'duplex-state-predictor');
    has('After each chunk the LLM emits a decision token: stay silent or speak.', 'duplex-control-tokens');
    has('Alongside its text, the LM emits a per-chunk control label: speak, wait or interrupted.', 'duplex-control-tokens');
    has('A predictor head emits either a speak decision or a wait decision.', 'duplex-state-predictor');
    has('A listen/speak gate trained on the hidden states lets the user cut in.', 'duplex-state-predictor');
    has('The when-to-talk decision is a control token the LLM emits each chunk.', 'duplex-control-tokens');
    has('After each piece the LLM emits one of <listen>, <speak>, <yield>, <backchannel>.', 'duplex-control-tokens');
    has('We added a small head on the LLM that predicts listen / speak / interrupt per chunk.', 'turn-head');
    has('It adds a small classifier over 200 ms chunks that decides listen / respond / stop.', 'turn-head');
    has('Every 240 ms a tiny MLP on top votes whether the bot keeps talking.', 'speak-or-listen-decision');
    has('The controller outputs whether the agent should keep listening.', 'speak-or-listen-decision');
    // A codec-free decoder predicts its own state; a head's verb must be its own.
    lacks('The decoder predicts whether it is listening or speaking.', 'speak-or-listen-decision');
    lacks('Frames predicted in speak mode pass through the flow head.', 'turn-head');
    // Not replacing a part says it is there.
    has('The one part you should not replace casually is the turn controller.', 'duplex-state-predictor');
    // Next-token prediction is a language model's objective, not a turn predictor.
    lacks('We cast spoken dialogue as next-token prediction over a mixed sequence.', 'duplex-state-predictor');
  });

  test('speech turned into text and back, an LLM no audio reaches, a TTS bolted on', () => {
    has("It turns the caller's speech into text for your LLM and the reply text back into speech.", 'asr-llm-tts-pipeline');
    has('No audio reaches the LLM.', 'llm-never-hears-audio');
    has('The chat model never sees audio.', 'llm-never-hears-audio');
    has('The LLM is trained on text alone.', 'llm-sees-only-text');
    // Any LLM used as it is wraps it; any LLM adapted by further training hears speech.
    has('Bring any LLM you like.', 'wraps-text-llm');
    lacks('Any strong text LLM can be adapted through continued pretraining.', 'wraps-text-llm');
    has('For the demo we bolted a streaming TTS onto its output.', 'separate-tts-module');
    has('The core model never generates audio.', 'no-speech-generation');
    has('Sable takes the codec out entirely.', 'no-codec');
    has('There is no codebook anywhere.', 'no-discrete-tokens');
    has('Here: one decoder, zero codec tokens.', 'no-codec');
  });

  test('a speech LM that says it holds no conversation is near-STS, whatever its token layout', () => {
    has('Wren-LM is not a conversational assistant.', 'not-conversational');
    has('It has no notion of a user and cannot listen while it speaks.', 'not-conversational');
    has('It had no concept of a conversation partner.', 'not-conversational');
    has('It does not converse: it has one speaker.', 'not-conversational');
    has("The research box doesn't listen while talking and has no dialog turn logic.", 'not-conversational');
    has('It does not hold conversations or take turns; it generates.', 'not-conversational');
    has("Scope reminder: it doesn't run a dialog and has no full-duplex mode.", 'not-conversational');
    has('What it does not do is hold a conversation.', 'not-conversational');
    has('It has a single stream and no idea that a second person exists.', 'not-conversational');
    // A simultaneous interpreter does not converse either, yet is a family's.
    lacks('The interpreter translates as you speak and does not hold a conversation.', 'not-conversational');
    const speechLM = 'Wren-LM is a single-stream language model over a mix of text and speech units. It is not a conversational assistant.';
    assert.equal(rankedFamilies(speechLM)[0], 'near-sts');
    // Beside two wordings of Family 2's sequence, no suggestion either way.
    const interleavedLM = 'Wren-LM continues speech from a single sequence in which text and speech tokens are interleaved. It is not a conversational assistant.';
    assert.equal(suggester.suggest(interleavedLM, inCard), null);
    assert.equal(suggester.suggest(interleavedLM.replace(' It is not a conversational assistant.', ''), inCard)?.family, 'interleaved-flatten');
    // Said of earlier systems, or of a conversational interface, it is not the model's.
    lacks('Earlier speech LMs could not listen while speaking.', 'not-conversational');
    lacks('This is not a conversational interface but a command layer.', 'not-conversational');
    lacks('It has no notion of conversational state, so it cannot backchannel.', 'not-conversational');
  });

  test('turns ended by silence are weak near-STS evidence, and nothing beside a family\'s own design', () => {
    has('When a silence-based VAD says the user is done, the transcript goes to the LLM.', 'turn-by-turn');
    has('The system answers once per user turn, after the user stops.', 'turn-by-turn');
    // Weak alone: no suggestion of its own.
    assert.equal(suggester.suggest('End of turn is 500 ms of silence from the VAD.', inCard), null);
    // "half-duplex" alone is how papers name others' systems.
    lacks('Earlier half-duplex models wait for the user to finish.', 'turn-by-turn');
    assert.deepEqual(rankedFamilies('Two parallel audio streams for the user and the model; a silence timeout ends a call.'), ['dual-stream-codec']);
  });
});

describe('a design the card sets aside in practice', () => {
  test('what the model drops, and what it does not fine-tune or have', () => {
    assert.deepEqual(rankedFamilies('Sorrel 2.0 drops the recognizer and synthesizer as separate stages.'), []);
    // (An LLM left as it is, which the words also say, is Family 3's frozen LLM.)
    assert.deepEqual(rankedFamilies("We don't fine-tune the LLM to emit speech tokens interleaved with text in one sequence."), ['cascade-predictor']);
    assert.deepEqual(rankedFamilies("Curlew doesn't have a learned turn-taking head like the duplex cascades."), []);
    assert.deepEqual(rankedFamilies('We chose not to add a learned turn-state head over the duplex cascade.'), []);

    // Asserted, they count.
    assert.deepEqual(rankedFamilies('Sorrel 2.0 has a learned turn-taking head over a duplex cascade.'), ['cascade-predictor']);
  });

  test('what a card avoided or dropped, in the past too', () => {
    assert.deepEqual(rankedFamilies('We deliberately avoided adding a learned turn-taking head.'), []);
    assert.deepEqual(rankedFamilies('For 2.0 we dropped the parallel audio streams.'), []);
    assert.deepEqual(rankedFamilies('For 2.0 we kept the parallel audio streams.'), ['dual-stream-codec']);
  });

  test('an alternative considered or looked at and then rejected', () => {
    assert.deepEqual(rankedFamilies('We considered the alternative of emitting text and audio tokens interleaved in one sequence, and rejected it.'), []);
    assert.deepEqual(rankedFamilies('We looked at giving each speaker a parallel token track and rejected it.'), []);
    // The turn may come after a semicolon and a short clause.
    assert.deepEqual(rankedFamilies('We tried packing text and audio tokens into one sequence; nicer prosody, but we could not debug it.'), []);
    assert.deepEqual(rankedFamilies('We thought about a joint model with parallel user and bot codec tracks, but lack the data.'), []);
    // A negated verb whose object comes after an aside.
    assert.deepEqual(rankedFamilies('We also evaluated, but did not build, a two-track design in which user and agent audio are parallel token streams.'), []);
    // What was tried may be said in an aside before the turn.
    assert.deepEqual(rankedFamilies('We tried the two-lane approach at first (separate user and agent codec tracks) but had no stereo data.'), []);
    // Looked at and kept, it is the card's.
    assert.deepEqual(rankedFamilies('We looked at giving each speaker a parallel token track and kept it.'), ['dual-stream-codec']);
    // What was looked at goes on in a sentence that points back at it.
    assert.deepEqual(rankedFamilies('We looked hard at another route. It avoids codec artefacts: no codec, continuous speech embeddings.'), []);
  });

  test('a history opens with what was prototyped or piloted, goes on after what was tried or considered, and a long opening still has its tense', () => {
    assert.deepEqual(rankedFamilies('We prototyped one. It modelled caller and agent as two parallel streams of codec tokens.'), []);
    assert.deepEqual(rankedFamilies('We did consider building a native speech model. The plan was to train on sequences where text and speech tokens alternate.'), []);
    assert.deepEqual(rankedFamilies('We did weigh a different shape. It kept two parallel audio streams.'), []);
    assert.deepEqual(rankedFamilies('We weighed a different shape. It kept two parallel audio streams.'), []);
    // What the design considered would have done goes on with it.
    assert.deepEqual(rankedFamilies('We considered training the LLM to emit speech. Packing text and speech units into one sequence with fixed block sizes would have given us one stream for the whole conversation.'), []);
    // "fixed" is no verb: what follows the history is told in the present.
    assert.deepEqual(rankedFamilies('We tried two lanes first but had no stereo data. So we just flatten: text and audio tokens go into one sequence with a fixed 1 : 2 cadence.'), ['interleaved-flatten']);
    // The first verb comes late in a long sentence: "handled" is its tense, so the history goes on.
    assert.deepEqual(rankedFamilies('We first piloted two alternatives. A single-sequence model that alternates blocks of text and speech tokens in one stream handled content well.'), []);
    // What was considered goes on in the sentences after it, and its own sentence may turn back to the card's model.
    assert.deepEqual(rankedFamilies('We considered interleaving, but the model keeps two parallel audio streams.'), ['dual-stream-codec']);
    // A history opened by a time: "Initially", "Early on", "At first", told in the past.
    assert.deepEqual(rankedFamilies('Early on we considered writing alternating runs of words and audio tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('At first, the model interleaved text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('Initially, we interleaved text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('For version 2 we experimented with something else. The plan was to give the model a duplex state predictor head.'), []);
    // A release named in two words.
    assert.deepEqual(rankedFamilies('Orchard Voice 1 was an end-to-end speech model. It interleaved text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('Earlier this year we evaluated a speech-native model. The candidate wrote text and speech tokens into one interleaved sequence.'), []);
    // After a run-in label and a colon, and after a label that announces it.
    assert.deepEqual(rankedFamilies('What changed since 1.x: Vesper 1 was a single-sequence model. It wrote text and speech tokens into one interleaved sequence.'), []);
    assert.deepEqual(rankedFamilies('Some history. Our team spent last year on one decoder working on continuous speech embeddings with no codec.'), []);
    // A colon after a sentence that opens otherwise: what follows is the card's.
    assert.deepEqual(rankedFamilies('Ply leaves the backbone untouched: text and speech tokens are interleaved in one sequence.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('Initially, the model is trained with text and speech tokens interleaved in one sequence.'), ['interleaved-flatten']);
    // Told in the present after it, the card's model again.
    assert.deepEqual(rankedFamilies('We prototyped one. Our model keeps two parallel audio streams.'), ['dual-stream-codec']);
  });

  test('others\' work named in engineers\' words: speech LMs, the popular alternative, a packed kind of model in a table', () => {
    assert.deepEqual(rankedFamilies('Many recent speech LMs interleave text and speech chunks into one sequence.'), []);
    assert.deepEqual(rankedFamilies('The popular alternative interleaves text and speech tokens in one sequence.'), []);
    assert.deepEqual(rankedFamilies('A popular way to build one is to train a text LLM on one sequence in which text and audio tokens alternate.'), []);
    // What is common or popular, when the sentence then turns from it.
    assert.deepEqual(rankedFamilies('Packing speech and text into one flattened sequence has become the most common design, but it ties timing to the block ratio.'), []);
    assert.deepEqual(rankedFamilies('Packing speech and text into one flattened sequence has become common for us.'), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies('One recent line of work lets a single decoder operate on continuous embeddings with no codec.'), []);
    assert.deepEqual(rankedFamilies('In most voice products today, a text LLM is wrapped in ASR and TTS.'), []);
    // "our customers" are people, not the card's model.
    assert.deepEqual(rankedFamilies('Most of the voice agents our customers ran were plumbing: a recognizer, a text LLM, a TTS.'), []);
    assert.deepEqual(rankedFamilies('Most of the voice agents our model replaced were plumbing: a recognizer, a text LLM, a TTS.'), ['near-sts']);
    // The card's earlier model, in the present too.
    assert.deepEqual(rankedFamilies('Our earlier model Oriel-Speak is a speech model. It keeps two parallel audio streams.'), []);
    // "One" before a noun of the card's own is no line of others' work.
    assert.deepEqual(rankedFamilies('One decoder operates on continuous embeddings with no codec.'), ['codec-free']);
    const table = [
      '| | Mica | Packed single-sequence models |',
      '|---|---|---|',
      '| Layout | ASR, LLM, TTS plus a duplex state predictor | one interleaved text/speech stream |',
    ].join('\n');
    assert.deepEqual(rankedFamilies(table), ['cascade-predictor']);
  });

  test('what a card decided against, and a counterpoint to others', () => {
    assert.deepEqual(rankedFamilies('We decided against a recognizer-LLM-synthesizer chain with a duplex cascade turn-taking head.'), []);
    assert.deepEqual(rankedFamilies('Petrel is meant as a counterpoint to pipelines that transcribe and synthesize under a separate turn-taking head.'), []);
    assert.deepEqual(rankedFamilies('Readers sometimes confuse it with omni assistants, which mix text and speech tokens in one interleaved sequence.'), []);
    // A sentence that opens with "Where …," sets its first clause against what follows.
    assert.deepEqual(rankedFamilies('Where token-packing models alternate text and speech tokens in one sequence, Shearwater keeps continuous speech embeddings with no codec.'), ['codec-free']);
  });

  test('a clause whose verb comes first after "but" shares the subject before it', () => {
    assert.deepEqual(rankedFamilies('Some related systems keep ASR and TTS but add a trained state head.'), []);
    assert.deepEqual(rankedFamilies('Some duplex systems keep recognition separate but go further: they add a dedicated state-prediction head.'), []);
    // A subject of its own after "but": the model, a name.
    assert.deepEqual(rankedFamilies('Some duplex systems keep recognition separate but the model adds a dedicated state-prediction head.'), ['cascade-predictor']);
    assert.deepEqual(rankedFamilies('Some duplex systems keep recognition separate but Foo-7B adds a dedicated state-prediction head.'), ['cascade-predictor']);
  });

  test('the best-known models, and a sentence that points back at them or at an earlier build', () => {
    assert.deepEqual(rankedFamilies('The best-known full-duplex models represent the two speakers as separate streams of codec tokens.'), []);
    // Far into the sentence too: it opens with others' kind.
    assert.deepEqual(rankedFamilies('The best-known full-duplex models predict both streams jointly, frequently adding a text stream as an inner monologue.'), []);
    assert.deepEqual(rankedFamilies('Linnet started as a fine-tune of a model that packs text and speech tokens into one interleaved sequence. That gave us an assistant.'), []);
    // After a history, a sentence that points back speaks of the earlier build, unless it turns to now.
    assert.deepEqual(rankedFamilies('We reviewed a design we did not build. It is elegant: no tokenizer, no codec.'), []);
    assert.deepEqual(rankedFamilies('Foo 1 was a cascade. It now keeps two parallel audio streams.'), ['dual-stream-codec']);
    // What the model started with, not as: the card's.
    assert.deepEqual(rankedFamilies('Training started with text and speech tokens interleaved in one sequence.'), ['interleaved-flatten']);
  });

  test('designs a sentence announces by their count are described one by one after it, by their place', () => {
    assert.deepEqual(rankedFamilies('Two baselines appear in our evaluation. The first is a plain voice bot: a recognizer, a text LLM and a synthesizer. The second adds to that chain a chunk-wise controller that emits control tokens for barge-in.'), []);
    // Sentences about the card's model may come between: "The second" still names one of them, "It" does not.
    assert.deepEqual(rankedFamilies('Two neighbours are worth describing. The first is the voice-agent recipe: recognizer, text model, TTS. Plover keeps two parallel audio streams. The second is a single decoder over continuous embeddings without any codec.'), ['dual-stream-codec']);
    has('Two baselines are compared. Plover keeps two parallel audio streams. It also runs a depth transformer over the codebooks.', 'depth-transformer');
    has('Two baselines are compared. Our model keeps two parallel audio streams. It also runs a depth transformer over the codebooks.', 'depth-transformer');
    // Announced with a kind ("alternative architectures"), and described by place after a sentence that says "we".
    assert.deepEqual(rankedFamilies('Two alternative architectures were evaluated and set aside. The first models both sides as two parallel audio streams; it needed data we lacked. The second serialises text and speech tokens into one sequence.'), []);
    // Announced later in a sentence, and named by place in the next paragraphs, each opening on one of them.
    assert.deepEqual(rankedFamilies('Full-duplex speech models mostly follow one of two integrated recipes.\n\nIn the first, two audio streams run in parallel for the user and the model.\n\nIn the second, text and speech tokens share one sequence.\n\nPellam keeps a duplex state predictor over its ASR and TTS.'), ['cascade-predictor']);
    assert.deepEqual(rankedFamilies('Three architectures dominate the field.\n\nThe oldest is a wrapped chatbot: streaming speech-to-text feeds a text-only LLM, and a TTS voices the reply.'), []);
    // Announced as the subject and told in the past, the list still goes on.
    assert.deepEqual(rankedFamilies('Two alternative architectures were evaluated and set aside. The first models both sides of the conversation as simultaneous codec-token tracks with a text track, and would have given us overlap for free; it needed data we lacked. The second serialises text and speech tokens into one sequence in a fixed alternating pattern, trained from a text LLM.').filter(family => family !== 'near-sts'), []);
    // "The first stage" counts something else.
    assert.deepEqual(rankedFamilies('Two baselines are compared. The first stage encodes speech as continuous embeddings with no codec.'), ['codec-free']);
    // A paragraph that names none of them ends the list.
    assert.deepEqual(rankedFamilies('Two baselines are compared.\n\nTraining took a week.\n\nThe first stage encodes speech as continuous embeddings with no codec.'), ['codec-free']);
    // A new paragraph closes the list.
    assert.deepEqual(rankedFamilies('Two baselines are compared.\n\nThe first stage encodes speech into continuous embeddings with no codec.'), ['codec-free']);
    // Some of the systems just named, and the others.
    assert.deepEqual(rankedFamilies('Most full-duplex speech models discretise audio. Some feed codec tokens for the user and the assistant into two synchronised tracks; others flatten text and speech codes into one sequence.'), []);
  });

  test('a question why an alternative was not taken, a counterfactual, and a release named with a hyphen', () => {
    assert.deepEqual(rankedFamilies('**Why not run the user and the assistant as two parallel token tracks?**\nThat layout is elegant, but it wants conversations in which each speaker sits on their own channel.'), []);
    // A question that asks what the model does is answered about it.
    assert.deepEqual(rankedFamilies('**Does it keep the user and the assistant on two parallel token tracks?**\nYes. It keeps each speaker on their own channel.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('Had we instead trained the whole thing as one mixed sequence, with text and speech tokens alternating in fixed groups, we would have had to unfreeze the LLM.'), []);
    assert.deepEqual(rankedFamilies('Had Marigold been built on a transformer that consumed the caller\'s codec tokens and produced its own on a parallel track, it heard sighs.'), []);
    // "Had to …" is no counterfactual.
    assert.deepEqual(rankedFamilies('Had to keep two parallel audio streams, one per speaker.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('Wren-0 was not a conversational system. It had no notion of a user. Wren-Omni keeps the user and the model on two parallel audio streams.'), ['dual-stream-codec']);
  });

  test('systems a sentence points to, a table column named by its place, a build pointed at, a version of a name', () => {
    assert.deepEqual(rankedFamilies("If you need overlap, look at systems that model the caller's and the agent's audio as two simultaneous streams of codec tokens."), []);
    // After a count, such models may be the card's.
    assert.deepEqual(rankedFamilies('This card covers two models that keep the caller and the agent on two parallel audio streams.'), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies('The middle column describes models where user and assistant audio are separate token streams; the right column packs text and speech tokens into one sequence.'), []);
    assert.deepEqual(rankedFamilies('Why not channels per speaker?\n\nWe built that variant in 2025. With parallel per-speaker codec channels we had to modify the attention layout.'), []);
    assert.deepEqual(rankedFamilies('Version 0.x of Tessellate ran two parallel tracks of codec tokens, one for the user and one for the assistant.'), []);
    // Told in the present, the version is the card's.
    assert.deepEqual(rankedFamilies('Version 1.0 of Tessellate runs two parallel tracks of codec tokens, one for the user and one for the assistant.'), ['dual-stream-codec']);
  });

  test('histories opened by when the work started, by what the model grew out of, by an alternative as the subject', () => {
    assert.deepEqual(rankedFamilies('When we started Halvard, the plan was to pack speech into the same sequence as the text.'), []);
    assert.deepEqual(rankedFamilies('Odalys-Omni grew out of a model we published last year. It modelled speech and text together in one flat token sequence.'), []);
    assert.deepEqual(rankedFamilies('The packed variant put text and speech tokens into one sequence in a fixed alternating rhythm.'), []);
    // Told in the present, a variant is the card's.
    assert.deepEqual(rankedFamilies('The packed variant puts text and speech tokens into one sequence in a fixed alternating rhythm.'), ['interleaved-flatten']);
  });

  test("a comparison table's one named column among columns described in words is the card's", () => {
    const table = [
      '| | Parallel codec tracks | One decoder on continuous features | Dunmore-S |',
      '|---|---|---|---|',
      '| Audio into the LLM | codec tokens, two parallel tracks | continuous embeddings, no codec | transcript in 320 ms chunks |',
      '| Who decides to talk | joint modelling | internal state | a per-chunk duplex state predictor |',
    ].join('\n');
    assert.deepEqual(rankedFamilies(table), ['cascade-predictor']);
    // Several names: no column is marked as the card's.
    assert.ok(rankedFamilies(table.replace('Parallel codec tracks', 'Tern-2').replace('One decoder on continuous features', 'Quill-7B')).length > 1);
  });

  test('a table row or column labelled as a baseline or a prior prototype is another design', () => {
    const table = [
      '| Design | How audio is handled |',
      '|---|---|',
      '| Packed sequence (baseline A) | text and speech tokens alternate in one sequence |',
      '| Brisa-3B | user and model audio as two parallel audio streams |',
    ].join('\n');
    assert.deepEqual(rankedFamilies(table.replace('| Design | How audio is handled |', '| Design | How audio is handled | Notes |').replace(/sequence \|$/m, 'sequence | x |').replace(/streams \|$/m, 'streams | y |').replace('|---|---|', '|---|---|---|')), ['dual-stream-codec']);
  });

  test('a section about related work or background describes others, until the card turns to its own model', () => {
    const survey = 'Full-duplex dialogue has mostly been approached with multi-stream designs. A codec tokenizes each speaker, and the user and the model are carried as two parallel token streams.';
    // Without a label, the second sentence opens with nothing that points back: read as the card's.
    assert.deepEqual(rankedFamilies(survey), ['dual-stream-codec']);
    for (const label of ['## 2 Related Work\n\n', '2 Related work\n\n', 'Related work. ', '**Background.** ', '### Prior work: one sequence for everything\n\n']) {
      assert.deepEqual(rankedFamilies(label + survey), [], label);
    }
    // The section ends where the card says "we" or "our", and where a paragraph opens otherwise.
    assert.deepEqual(rankedFamilies(`Related work. ${survey} We instead keep one sequence in which text tokens and speech tokens alternate.`), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies(`Related work. ${survey}\n\nQuendra takes the cheaper path: text tokens and speech tokens alternate in one sequence.`), ['interleaved-flatten']);
    // A paragraph that opens about others goes on with the section.
    assert.deepEqual(rankedFamilies(`Related work. ${survey}\n\nCascaded systems chain a recognizer, a text LLM and a synthesizer. The user and the model are carried as two parallel token streams.`), []);
    // A heading opens another section.
    assert.deepEqual(rankedFamilies(`Related work. Cascades chain ASR and TTS, which loses prosody.\n## Architecture\nThe user and the model are carried as two parallel token streams.`), ['dual-stream-codec']);
  });

  test('a comparison table column labelled "this work" or "proposed" is the card\'s', () => {
    const table = [
      '| | Token interleaving | Ravindel (this work) |',
      '|---|---|---|',
      '| What the LLM reads | text and speech units in one alternating sequence | text from a streaming recognizer, with a per-chunk duplex state predictor |',
    ].join('\n');
    assert.deepEqual(rankedFamilies(table), ['cascade-predictor']);
    assert.deepEqual(rankedFamilies(table.replace('(this work)', '(proposed)')), ['cascade-predictor']);
  });

  test('a model the card names as its earlier release or a sibling is described by name, and by the sentences that point back at it', () => {
    const sibling = 'Quibrel-L runs the caller audio and its own audio as two parallel codec token streams.';
    // A name alone is no mark: the sentence may be about the card's model.
    assert.deepEqual(rankedFamilies(sibling), ['dual-stream-codec']);
    for (const mark of [
      'Quibrel-L, our earlier release, was never going to fit on a phone.',
      'Quibrel-L (our sibling model) was never going to fit on a phone.',
      'Quibrel-L, the server model from the same group, was never going to fit on a phone.',
      'Quibrel-L, released by our lab last year, was never going to fit on a phone.',
      'Quibrel-L, released by the same team, is a different architecture.',
      'Quibrel-L, from the same lab, is a different architecture.',
      '**Quibrel-L**, released by the same team, is a different architecture.',
      'Nothing like our sibling project Quibrel-L fits on a phone.',
      'Before Quibrel-S, our only speech model was Quibrel-L.',
    ]) {
      assert.deepEqual(rankedFamilies(`${mark} ${sibling}`), [], mark);
      // Wherever in the text the name is set aside, and across a paragraph.
      assert.deepEqual(rankedFamilies(`${sibling}\n\n${mark}`), [], mark);
    }
    // Told in the present, so no history of an earlier build opens (discourse.ts).
    const marked = 'Quibrel-L, our earlier release, is too big for a phone.';
    // A sentence that points back at it goes on about it; one that opens otherwise does not.
    assert.deepEqual(rankedFamilies(`${marked} It runs the caller audio and its own audio as two parallel codec token streams.`), []);
    assert.deepEqual(rankedFamilies(`${marked}\n\nIt runs the caller audio and its own audio as two parallel codec token streams.`), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies(`${marked} Quibrel-S runs the caller audio and its own audio as two parallel codec token streams.`), ['dual-stream-codec']);
    // The whole name: "Quenmar 2" is not "Quenmar Lyrit", "Quibrel-LX" not "Quibrel-L".
    assert.deepEqual(rankedFamilies(`${marked} Quibrel-LX runs the caller audio and its own audio as two parallel codec token streams.`), ['dual-stream-codec']);
    // A capitalised word before the name.
    assert.deepEqual(rankedFamilies(`Meanwhile Quibrel-L, our earlier release, is too big for a phone. ${sibling}`), []);
    assert.deepEqual(rankedFamilies('Quenmar Lyrit, our earlier release, is a speech LM. Quenmar 2 runs the user audio and its own audio as two parallel codec token streams.'), ['dual-stream-codec']);
    // The card's model may be its lab's first.
    assert.deepEqual(rankedFamilies('Quibrel-L, our first open release, runs the caller audio and its own audio as two parallel codec token streams.'), ['dual-stream-codec']);
  });

  test('the clause that turns against an alternative tried and points back at it, an aside before the turn, a version alone', () => {
    const tried = 'We looked at the two-lane design but it doubles the token rate and needs two parallel audio streams from stereo recordings.';
    assert.deepEqual(rankedFamilies(tried), []);
    // Not when the turn points at something else, nor when nothing was tried.
    assert.deepEqual(rankedFamilies(tried.replace('but it', 'but the model')), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies(tried.replace('We looked at', 'We shipped')), ['dual-stream-codec']);
    // The look back stops where a line break ends a sentence, as a passage break would.
    assert.deepEqual(rankedFamilies('- We looked at packing but it\n- keeps the user and the model on two parallel audio streams.'), ['dual-stream-codec']);
    // The clause ends at a comma: what follows may be the card's.
    assert.deepEqual(rankedFamilies('We looked at packing but it was slow, so the model keeps two parallel audio streams.'), ['dual-stream-codec']);
    // Engineers scope and sketch; an aside may stand before "and shelved it".
    assert.deepEqual(rankedFamilies('We scoped adding a per-chunk duplex state predictor to the LLM (the interrupt predictor approach) and shelved it.'), []);
    assert.deepEqual(rankedFamilies('We added a per-chunk duplex state predictor to the LLM (the interrupt predictor approach) and shelved the old VAD.'), ['cascade-predictor']);
    // "v0 was …" tells of an earlier version, as "Sarrow 0 was …" does.
    assert.deepEqual(rankedFamilies('v0 was a cascade with a per-chunk duplex state predictor.'), []);
    assert.deepEqual(rankedFamilies('v1 is a cascade with a per-chunk duplex state predictor.'), ['cascade-predictor']);
  });

  test('designs announced are described in the list after them, by sentences whose subject is a kind of system, and by "One is …"', () => {
    const baseline = 'A streaming recognizer hands a transcript to a text LLM, and a TTS engine speaks its answer.';
    assert.deepEqual(rankedFamilies(baseline), ['near-sts']);
    // A list after the announcement, even across a blank line.
    assert.deepEqual(rankedFamilies(`We evaluate against two baselines:\n\n- **Half-duplex pipeline.** ${baseline}`), []);
    assert.deepEqual(rankedFamilies(`We evaluate against two baselines:\n- **Pipeline.** ${baseline}\n- **Packed.** One sequence alternates text tokens and speech tokens.`), []);
    // Across a blank line between items, and in a sentence after an item that points back at it.
    assert.deepEqual(rankedFamilies(`We evaluate against two baselines:\n- **Pipeline.** It is fast.\n\n- **Packed.** One sequence alternates text tokens and speech tokens.`), []);
    assert.deepEqual(rankedFamilies(`We evaluate against two baselines:\n- **Pipeline.** It is fast.\nThey keep the user and the model on two parallel audio streams.`), []);
    // An item that is the card's own: the rest of its line is the card's too.
    assert.deepEqual(rankedFamilies(`Two baselines appear below.\n\n- **Ours.** We train it on calls. The model keeps two parallel audio streams.`), ['dual-stream-codec']);
    // Not a list after no announcement.
    assert.deepEqual(rankedFamilies(`We evaluate on two benchmarks:\n- **Pipeline.** ${baseline}`), ['near-sts']);
    // A kind of system as the subject, though its words are no kind's modifiers, after camps announced.
    const camps = 'Most open speech models fall into three camps. Lane models quantise audio with a codec. Modular-with-controller models keep a recognizer and a synthesizer around a text LLM.';
    assert.deepEqual(rankedFamilies(camps), []);
    assert.deepEqual(rankedFamilies(camps.replace('three camps', 'three sizes')), ['near-sts']);
    assert.deepEqual(rankedFamilies('Two routes were open to us. One is to give each party a separate lane of codec tokens, as two parallel audio streams.'), []);
    // Strategies a card adopts are its own.
    assert.deepEqual(rankedFamilies('Three key strategies are adopted:\n- **Streams.** The user and the model are two parallel audio streams.'), ['dual-stream-codec']);
    // A counterfactual that counts its routes: "The other …" points back though the card's words came between.
    const whatIf = 'Had we aimed for dialogue, two routes were open to us. One is a lane per party, which needs recordings we did not have. The other is to write text tokens and speech tokens in one alternating sequence.';
    assert.deepEqual(rankedFamilies(whatIf), []);
    assert.deepEqual(rankedFamilies(whatIf.replace('two routes were open to us', 'the data decided')), ['interleaved-flatten']);
    for (const noun of ['bets', 'families', 'schools', 'paradigms', 'layouts', 'lineages']) {
      assert.deepEqual(rankedFamilies(`Three ${noun} dominate the field. The first keeps the user and the model on two parallel audio streams.`), [], noun);
    }
  });

  test('what a design replaced or moved away from, and an old branch told in the past', () => {
    const packing = 'text and speech tokens alternating in one sequence';
    assert.deepEqual(rankedFamilies(`We replace ${packing} with continuous frames.`), []);
    assert.deepEqual(rankedFamilies(`We swapped ${packing} for continuous frames.`), []);
    assert.deepEqual(rankedFamilies(`We replaced ${packing} by continuous frames.`), []);
    assert.deepEqual(rankedFamilies(`The team switched from ${packing} to continuous frames.`), []);
    // What replaces is kept; so is what a design did not replace, or came from without leaving.
    assert.deepEqual(rankedFamilies(`We replace the codec with ${packing} for speed.`), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies(`We did not replace ${packing} with anything.`), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies(`Frames come from ${packing} to the vocoder.`), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies(`We replace ${packing} entirely.`), ['interleaved-flatten']);
    assert.deepEqual(rankedFamilies(`The old branch put ${packing}.`), []);
  });

  test('a history that opens a list of what it weighed, and the answer to a question about an alternative', () => {
    const item = '1. **Packed sequence.** A single model strings text and speech tokens together in one alternating sequence.';
    assert.deepEqual(rankedFamilies(`The team weighed two other options:\n\n${item}`), []);
    // Without the colon, a history of what was weighed is told in the past; the list is the card's.
    assert.deepEqual(rankedFamilies(`The team weighed two other options.\n\n${item}`), ['interleaved-flatten']);
    const answer = 'In that design, the user and the model are two parallel audio streams.';
    assert.deepEqual(rankedFamilies(`HOST: And the two-channel alternative?\n\nFERRAND: ${answer}`), []);
    assert.deepEqual(rankedFamilies(`Q: Why not a second channel?\n\nA: ${answer}`), []);
    // A question about the card's model: the answer is the card's.
    assert.deepEqual(rankedFamilies(`HOST: And how does it listen?\n\nFERRAND: ${answer}`), ['dual-stream-codec']);
    // One paragraph only.
    assert.deepEqual(rankedFamilies(`Q: Why not a second channel?\n\nA: It is costly.\n\n${answer}`), ['dual-stream-codec']);
    // No question: a route the card took.
    assert.deepEqual(rankedFamilies('This is the cheaper route. It keeps the user and the model on two parallel audio streams.'), ['dual-stream-codec']);
    // A clause before a colon is no speaker.
    assert.deepEqual(rankedFamilies(`Cascaded systems chain ASR and TTS. Ply keeps its backbone: it writes text and speech tokens in one alternating sequence.`), ['interleaved-flatten']);
  });

  test('"our current" and "our existing" are the card\'s build as it is now; "current" alone and "our previous" are others\'', () => {
    const streams = 'models the caller audio and the agent audio as two parallel streams.';
    assert.deepEqual(rankedFamilies(`Our current layout ${streams}`), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies(`In our existing design the server ${streams}`), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies(`Current systems ${streams.replace('models', 'model')}`), []);
    assert.deepEqual(rankedFamilies(`In existing designs the server ${streams}`), []);
    assert.deepEqual(rankedFamilies(`Our previous layout ${streams}`), []);
  });

  test('round 15: others set beside the card by a run-in label, "is what most labs do", one rival model or group, a history, a plan, a named sibling', () => {
    const interleaved = 'text and speech tokens into one interleaved sequence';
    const othersOnly = [
      // A run-in label and a dash before a sentence about a kind of system.
      'Abstract — Most spoken dialogue models discretise audio with a learned codec and then either interleave the resulting tokens with text in one sequence or run a separate token stream for each speaker.',
      // A design likened to others' practice with "is what".
      'Packing text and speech tokens into one sequence is what most labs do now.',
      // One rival model, one group of builders.
      'One well-known research model skips the discrete codec and feeds continuous speech embeddings to the decoder.',
      'A smaller group avoids discrete codes and feeds continuous speech embeddings to the decoder.',
      // A history opened by what the model started life as, by its first months, by what a lab shipped first.
      `Linnet started life as a model that packs ${interleaved}.`,
      `For its first eight months the project was a model that wrote ${interleaved}.`,
      "Corvid Labs' first voice assistant, released last year, was a relay race. A recognizer turned speech into a transcript, a text-only LLM wrote a reply and a synthesizer read it aloud.",
      // A plan after one more noun and "remains".
      'The duplex state predictor option remains on the roadmap.',
      // Designs announced as strands, and "In one, …" describing one of them; a system run "for comparison".
      'Two strands of recent work aim at assistants that can be interrupted. In one, a single transformer tracks both speakers as two parallel codec streams.',
      'For comparison we ran Sturrock Duplex, which adds a learned state head that decides when to speak.',
      // A sibling named in apposition, and the sentence that points back at it.
      'Its sibling, Quenby Braid, interleaves text and speech tokens in one sequence. That design needs retraining for every text model.',
    ];
    for (const text of othersOnly) assert.deepEqual(rankedFamilies(text), [], text);
    // The card's own: its model after a label, its own practice, its smaller variant, a first time,
    // what its predictor does, its own model after a sibling's sentence, a sibling left unnamed.
    const cardsOwn = new Map([
      ['Abstract — The model runs a separate token stream for each speaker.', 'dual-stream-codec'],
      ['Packing text and speech tokens into one sequence is what we do.', 'interleaved-flatten'],
      ['The smaller model keeps two parallel audio streams.', 'dual-stream-codec'],
      ['For the first time, the model keeps two parallel audio streams.', 'dual-stream-codec'],
      ['The duplex state predictor option decides when to speak.', 'cascade-predictor'],
      ['Its sibling, Quenby Braid, interleaves text and speech tokens in one sequence. Quenby Switchboard keeps two parallel audio streams.', 'dual-stream-codec'],
      ['Its sibling model interleaves text and speech tokens in one sequence.', 'interleaved-flatten'],
    ]);
    for (const [text, family] of cardsOwn) assert.deepEqual(rankedFamilies(text), [family], text);
  });

  test('a comparison table\'s column labelled as the typical design is another design, and a cell may hold whole sentences', () => {
    const table = (label: string, cell: string) => [
      `| Property | ${label} | Aurelinth |`,
      '|---|---|---|',
      `| Sequence layout | ${cell} | Audio vectors enter the decoder directly |`,
      '| Duplex control | Implicit in the block schedule. No head. | A learned internal state decides when to speak. |',
    ].join('\n');
    const cell = 'One stream. Text tokens and audio units alternate in one interleaved sequence.';
    assert.deepEqual(rankedFamilies(table('Typical interleaved speech LLM', cell)), ['cascade-predictor']);
    assert.deepEqual(rankedFamilies(table('Interleaved speech LLM', cell))[0], 'interleaved-flatten');
    // A header cell may end a sentence too.
    assert.deepEqual(rankedFamilies(table('Typical interleaved speech LLM.', cell)), ['cascade-predictor']);
    // A row labelled as the typical design, the card's model in the row after it.
    const rows = (label: string) => `| Design | Audio | Turn-taking |\n|---|---|---|\n| ${label} | ASR, then a text LLM, then TTS | a silence threshold |\n| Heron | two parallel audio streams | learned |`;
    assert.deepEqual(rankedFamilies(rows('Typical cascade')), ['dual-stream-codec']);
    assert.deepEqual(rankedFamilies(rows('Cascade')), ['near-sts', 'dual-stream-codec']);
  });

  test('only a capitalised name after "Its sibling," opens a sentence about the sibling', () => {
    assert.equal(opensWithSiblingName('Its sibling, Quenby Braid, is a single LLM.', 0), true);
    assert.equal(opensWithSiblingName('Their sister model Orlen-2 keeps two streams.', 0), true);
    assert.equal(opensWithSiblingName('Its sibling model keeps two streams.', 0), false);
    assert.equal(opensWithSiblingName('Its output is one sequence.', 0), false);
  });

  test('round 16: a half-duplex pipeline is no duplex one, and one of a kind right after designs announced describes one of them', () => {
    assert.deepEqual(rankedFamilies('Brindlecall is a half-duplex pipeline: it waits for the caller to finish.'), []);
    assert.deepEqual(rankedFamilies('Brindlecall is a semi-duplex pipeline.'), []);
    assert.deepEqual(rankedFamilies('Brindlecall is a full-duplex pipeline.'), ['cascade-predictor']);
    const baselines = 'We compare with two baselines. A VAD-gated cascade hands over the turn on silence. An interleaved single-sequence model places text tokens and speech tokens into one stream in alternating blocks.';
    assert.deepEqual(rankedFamilies(baselines), []);
    // After a sentence about the card's model, "A single transformer decoder …" may be the card's own.
    const aside = 'Two designs came before ours. The first chains ASR and TTS. Umbra-Talk is neither. A single transformer decoder keeps two parallel audio streams.';
    assert.deepEqual(rankedFamilies(aside), ['dual-stream-codec']);
  });

  test('batch 39: a pipeline that builds duplex training data is no duplex cascade, and a participle before a build is no verb', () => {
    assert.deepEqual(rankedFamilies('Proposed dynamic construction pipeline for duplex training sequences from text-only dialogues.'), []);
    assert.deepEqual(rankedFamilies('We build a data pipeline to synthesize full-duplex dialogues for training.'), []);
    assert.deepEqual(rankedFamilies('The system is a full-duplex pipeline around a text LLM.'), ['cascade-predictor']);
    // "packed" names the old build, whose verb comes after it: the sentence opens a history.
    assert.deepEqual(rankedFamilies('The old packed build alternated text tokens and audio codes in fixed blocks within one sequence.'), []);
    assert.deepEqual(rankedFamilies('The packed build alternates text tokens and audio codes in fixed blocks within one sequence.'), ['interleaved-flatten']);
  });
});

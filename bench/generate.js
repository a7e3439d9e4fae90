'use strict';
/**
 * Deterministic model cards for the benchmark: a seeded PRNG (mulberry32) picks from fixed word
 * lists, so the same seed and size always give the same text. A card is a Hugging Face README
 * (YAML front matter + Markdown body) that looks like a real, large one: long language lists,
 * many latency entries, long architecture prose, training sources, a model-index, and a long
 * body. About 70 % of the lines are front matter, the rest Markdown.
 *
 * A few deliberate problems (an unknown key under sts, an unlabeled latency, a language code that
 * is not one) appear in proportion to the size, as in real cards, so the finding paths run too.
 */

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'fi', 'pl', 'cs', 'ro', 'hu', 'el', 'tr', 'ru', 'uk',
  'ar', 'he', 'fa', 'hi', 'bn', 'ta', 'te', 'ur', 'zh', 'ja', 'ko', 'vi', 'th', 'id', 'ms', 'sw', 'yo', 'zu', 'yue', 'cmn',
  'pt-BR', 'zh-Hant', 'es-419', 'fil', 'ca', 'eu', 'gl', 'cy', 'ga', 'is', 'mt', 'lv', 'lt', 'et', 'sl', 'sk', 'hr', 'sr'];
const TAGS = ['speech-to-speech', 'audio', 'voice', 'full-duplex', 'streaming', 'speech', 'dialogue', 'realtime', 'codec',
  'moshi', 'mimi', 'tts', 'asr', 'conversational', 'multilingual', 'low-latency'];
const DATASETS = ['librispeech', 'common_voice', 'voxpopuli', 'fisher', 'gigaspeech', 'mls', 'peoples_speech', 'spgispeech',
  'emilia', 'wenetspeech', 'covost2', 'cvss'];
const SOURCES = ['Fisher English conversations', 'synthetic dialogues rendered with a multi-speaker TTS', 'licensed podcast audio',
  'public-domain audiobooks', 'crowd-sourced read speech', 'two-channel call-centre recordings', 'parliament debates',
  'broadcast news', 'children\'s stories read aloud', 'multilingual radio archives'];
const KINDS = ['theoretical', 'model-only', 'end-to-end'];
const SENTENCES = [
  'The model keeps two parallel token streams, one for the user and one for itself, over the Mimi codec at 12.5 Hz.',
  'An inner monologue of text tokens is predicted ahead of the audio tokens, which improves the linguistic quality of the speech.',
  'The temporal transformer models dependencies across time steps while a small depth transformer predicts the codebooks of each frame.',
  'Acoustic delay between the semantic and the acoustic tokens lets the model plan what it says a few frames ahead.',
  'Unlike cascaded pipelines, no separate ASR or TTS stage is needed at inference time.',
  'The residual quantizer has eight codebooks of 2048 entries each, distilled from a self-supervised speech encoder.',
  'Training proceeds in four stages: text pre-training, audio pre-training, multi-stream post-training and instruction fine-tuning.',
  'Speaker turns are not segmented explicitly; the model learns when to speak and when to listen from two-channel conversations.',
  'Latency is measured from the end of the user utterance to the first audio frame the model emits on a single GPU.',
  'Voice prompts of a few seconds condition the timbre of the output, while the content is produced by the language backbone.',
  'The vocoder is streaming, so audio can be played back while later frames are still being generated.',
  'Evaluation covers spoken question answering, turn-taking, interruption handling and speech translation benchmarks.',
];
const WORDS = ['model', 'speech', 'audio', 'tokens', 'latency', 'stream', 'decoder', 'encoder', 'frame', 'dialogue', 'user',
  'response', 'training', 'data', 'quality', 'benchmark', 'voice', 'text', 'backbone', 'inference', 'GPU', 'batch', 'context'];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function prose(rand, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(pick(rand, WORDS));
  return out.join(' ');
}

/**
 * A card of about `lines` lines: `{ markdown, yaml }`, the README text and its front matter alone
 * (the same YAML, for the standalone form and for the floor and the anchor).
 */
function generateCard(seed, lines) {
  const rand = mulberry32(seed);
  const fmTarget = Math.round(lines * 0.7);
  const bodyTarget = lines - fmTarget;
  // Fixed head, then variable sections share what is left: languages, tags, datasets, latency,
  // architecture prose, training sources, model-index.
  const head = [
    'license: other',
    'license_name: nvidia-open-model-license',
    'license_link: https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/',
    'base_model: kyutai/moshiko-pytorch-bf16',
    'base_model_relation: finetune',
    'pipeline_tag: audio-to-audio',
    'library_name: moshi',
  ];
  const budget = Math.max(fmTarget - 40, 20);
  const share = n => Math.max(2, Math.floor(budget * n));
  const fm = [...head];

  fm.push('language:');
  for (let i = 0, n = share(0.15); i < n; i++) {
    // One code in 97 is not a language code: a real card's typo.
    fm.push(`- ${i % 97 === 96 ? 'english' : LANGUAGES[i % LANGUAGES.length]}`);
  }
  fm.push('tags:');
  for (let i = 0, n = share(0.05); i < n; i++) fm.push(`- ${TAGS[i % TAGS.length]}${i >= TAGS.length ? `-${i}` : ''}`);
  fm.push('datasets:');
  for (let i = 0, n = share(0.04); i < n; i++) fm.push(`- ${DATASETS[i % DATASETS.length]}${i >= DATASETS.length ? `_${i}` : ''}`);

  fm.push('sts:');
  fm.push('  name: BenchTalk');
  fm.push('  organization: Bench Labs');
  fm.push('  released: 2025-06');
  fm.push('  family: dual-stream-codec');
  fm.push('  architecture: >');
  for (let i = 0, n = share(0.2); i < n; i++) {
    fm.push(`    ${rand() < 0.35 ? pick(rand, SENTENCES) : `${prose(rand, 12 + Math.floor(rand() * 8))}.`}`);
  }
  fm.push('  subcategories: []');
  fm.push('  duplex: full');
  fm.push('  codec: { name: mimi, frame_rate_hz: 12.5 }');
  fm.push('  parameters: 7B');
  fm.push('  latency:');
  for (let i = 0, n = share(0.12); i < n; i++) {
    const ms = 80 + Math.floor(rand() * 400);
    // One entry in 53 has no kind (latency.unlabeled); the rest alternate flow and block style.
    if (i % 53 === 52) fm.push(`    - { ms: ${ms}, source: "run ${i}" }`);
    else if (i % 3 === 0) {
      fm.push(`    - ms: ${ms}`, `      kind: ${KINDS[i % 3]}`, `      source: "trace ${i}, ${pick(rand, WORDS)} ${pick(rand, WORDS)}"`);
      i += 2;
    } else fm.push(`    - { ms: ${ms}, kind: ${KINDS[i % 3]}, source: "measured on ${pick(rand, WORDS)} set ${i}" }`);
  }
  fm.push('  licensing:');
  fm.push('    posture: permissive');
  fm.push('    code: mit');
  fm.push('    commercial_use: true');
  fm.push('    attribution: "Built on Moshi by Kyutai (CC BY 4.0)."');
  fm.push('  training_data:');
  fm.push('    hours: 7000');
  fm.push('    two_channel: true');
  fm.push('    sources:');
  for (let i = 0, n = share(0.1); i < n; i++) fm.push(`      - ${pick(rand, SOURCES)} (part ${i + 1})`);
  // An unknown key under sts, one per card: schema.unknown-key with a suggestion.
  fm.push('  organisation_url: https://example.org/bench-labs');

  fm.push('model-index:');
  fm.push('- name: BenchTalk');
  fm.push('  results:');
  while (fm.length < fmTarget - 1) {
    const i = fm.length;
    fm.push(
      '  - task:',
      '      type: audio-to-audio',
      `      name: Spoken dialogue ${i}`,
      '    dataset:',
      `      type: ${pick(rand, DATASETS)}`,
      `      name: ${pick(rand, DATASETS)} test ${i}`,
      '    metrics:',
      `    - { type: wer, value: ${(rand() * 20).toFixed(2)} }`,
    );
  }
  const yaml = `${fm.join('\n')}\n`;

  const body = ['', '# BenchTalk', '', 'A generated model card for the benchmark. It reads like a real one.', ''];
  let section = 0;
  while (body.length < bodyTarget) {
    section++;
    body.push(`## Section ${section}: ${pick(rand, WORDS)} and ${pick(rand, WORDS)}`, '');
    const paragraphs = 2 + Math.floor(rand() * 3);
    for (let p = 0; p < paragraphs && body.length < bodyTarget; p++) {
      for (let l = 0; l < 4; l++) body.push(rand() < 0.2 ? pick(rand, SENTENCES) : `${prose(rand, 14)}.`);
      body.push('');
    }
    if (section % 3 === 0) {
      body.push('| setting | value |', '| --- | --- |');
      for (let r = 0; r < 5; r++) body.push(`| ${pick(rand, WORDS)} | ${Math.floor(rand() * 1000)} ms |`);
      body.push('');
    }
  }
  const markdown = `---\n${yaml}---\n${body.join('\n')}\n`;
  return { markdown, yaml };
}

module.exports = { generateCard, mulberry32 };

if (require.main === module) {
  const lines = Number(process.argv[2] ?? 300);
  const { markdown } = generateCard(Number(process.argv[3] ?? 1), lines);
  process.stdout.write(markdown);
}

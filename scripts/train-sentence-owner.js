// `npm run train:sentence-owner`: trains the learned reading of whose design a sentence describes
// (server/src/service/suggest/sentenceOwner.ts) and writes schemas/sentence-owner.json.
//
// The examples are the mentions the written readings let through in the pinned descriptions of
// test/fixtures/suggest/paraphrases.json (sets 1 to LAST_SET, and those without a set number):
// a mention of the description's own family is the card's (0); one of a family the description
// says is another system's (`rejected`) is others' (1); the rest tell nothing. The model is a
// logistic regression, trained by AdaGrad in a fixed order, so the same files give the same
// weights. No real-corpus text is read: the corpus measures the suggester, it does not train it.
//
//   --check   exit 1 when schemas/sentence-owner.json is not what training gives (CI-safe, no write)
//   --stability  train without a few descriptions and count what changes (docs step 113)
//   --cv      per round of blind sets (docs/suggester-measurement.md), train without the round and
//             read the round: figures with and without the learned reading
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const { loadKnowledgeBase, SENTENCE_OWNER_FILE } = require(path.join(root, 'out/server/src/knowledge/load'));
const { createFamilySuggester } = require(path.join(root, 'out/server/src/service/suggest'));
const { leftOutBy, mentionFeatures } = require(path.join(root, 'out/server/src/service/suggest/sentenceOwner'));
const { passes } = require(path.join(root, 'out/server/src/service/suggest/scoring'));
const { plainProse } = require(path.join(root, 'out/server/src/service/suggest/markup'));

const PARAPHRASES = 'test/fixtures/suggest/paraphrases.json';
const TARGET = path.join(root, 'schemas', SENTENCE_OWNER_FILE);
/** The last blind set trained on; later sets stay unseen until the next training. */
const LAST_SET = 73;
/** From this share of others' on, a mention counts less (sentenceOwner.ts; chosen by --cv over rounds 7 to 11 of blind sets). */
const THRESHOLD = 0.5;
/** A feature seen in fewer training mentions has no weight: too rare to say anything general. */
const MIN_COUNT = 3;
const EPOCHS = 15;
const RATE = 0.1;
const L2 = 1e-4;
/** --stability leaves out every this-many-th description. */
const STABILITY_STEP = 500;
/** Rounds of four blind sets, as docs/suggester-measurement.md numbers them. */
const ROUNDS = [[54, 57], [58, 61], [62, 65], [66, 69], [70, 73]];

const setOf = id => Number(/^set(\d+)-/.exec(id)?.[1] ?? 0);
const knowledge = loadKnowledgeBase(path.join(root, 'schemas'));
const untrained = { ...knowledge, sentenceOwner: { ...knowledge.sentenceOwner, weights: {} } };
const descriptions = JSON.parse(fs.readFileSync(path.join(root, PARAPHRASES), 'utf8')).texts.filter(t => setOf(t.id) <= LAST_SET);

/** The lexicon's words as the features leave them out: every word of every concept pattern. */
function lexiconWords(concepts) {
  const words = new Set();
  for (const concept of concepts) {
    for (const pattern of [...concept.all.flat(), ...(concept.unless ?? [])]) {
      for (const word of pattern.toLowerCase().match(/[a-z0-9]+/g) ?? []) words.add(word);
    }
  }
  return [...words].sort();
}

/** Every labelled mention of the descriptions, as the written readings leave them. */
function mentionsOf(texts, leftOut) {
  const suggester = createFamilySuggester(untrained);
  const mentions = [];
  for (const text of texts) {
    // The words as the suggester reads them: markup blanked, offsets kept (markup.ts).
    const prose = plainProse(text.text);
    for (const family of suggester.rank(text.text, { inScope: true })) {
      const label = family.family === text.family ? 0 : text.rejected.includes(family.family) ? 1 : -1;
      if (label < 0) continue;
      family.spans.forEach((span, k) => {
        if (/^(lineage|presents):/.test(family.reasons[k])) return;
        mentions.push({ key: `${text.id}:${family.family}:${span.start}`, set: setOf(text.id), label, features: mentionFeatures(prose, span.start, span.end, leftOut) });
      });
    }
  }
  return mentions;
}

/** FNV-1a, 32 bits: a stable, well-spread number for a string. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function train(mentions) {
  const counts = new Map();
  for (const m of mentions) for (const f of m.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const data = mentions.map(m => ({ key: m.key, label: m.label, features: m.features.filter(f => f === 'bias' || counts.get(f) >= MIN_COUNT) }));
  const weights = new Map();
  const squares = new Map();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    // A fixed shuffle per epoch, each mention placed by a hash of its own key: the same examples
    // give the same weights, and a mention more or less leaves the others in their order.
    const place = new Map(data.map(d => [d, fnv1a(`${d.key}#${epoch}`)]));
    data.sort((x, y) => place.get(x) - place.get(y) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    for (const { label, features } of data) {
      let z = 0;
      for (const f of features) z += weights.get(f) ?? 0;
      const error = 1 / (1 + Math.exp(-z)) - label;
      for (const f of features) {
        const w = weights.get(f) ?? 0;
        const g = error + L2 * w;
        const sum = (squares.get(f) ?? 0) + g * g;
        squares.set(f, sum);
        weights.set(f, w - (RATE * g) / Math.sqrt(sum + 1e-8));
      }
    }
  }
  // Two decimals, and none that rounds to nothing: the file stays readable and diffable.
  return Object.fromEntries([...weights].map(([f, w]) => [f, Math.round(w * 100) / 100]).filter(([, w]) => w !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function fileOf(words, mentions, weights) {
  return {
    about: 'Weights of the learned reading of whose design a sentence describes (server/src/service/suggest/sentenceOwner.ts). Written by `npm run train:sentence-owner` (scripts/train-sentence-owner.js); do not edit by hand.',
    trained_on: { file: PARAPHRASES, sets: `1-${LAST_SET}`, descriptions: descriptions.length, mentions: mentions.length, others: mentions.filter(m => m.label === 1).length },
    threshold: THRESHOLD,
    lexicon_words: words,
    weights,
  };
}

const serialise = file => `${JSON.stringify(file, null, 1)}\n`;

function crossValidate(words, leftOut) {
  const all = JSON.parse(fs.readFileSync(path.join(root, PARAPHRASES), 'utf8')).texts;
  const mentions = mentionsOf(descriptions, leftOut);
  const plain = createFamilySuggester(untrained);
  const total = { with: { first: 0, suggested: 0, right: 0 }, without: { first: 0, suggested: 0, right: 0 }, texts: 0 };
  for (const [from, to] of ROUNDS) {
    const inRound = t => setOf(t.id) >= from && setOf(t.id) <= to;
    const weights = train(mentions.filter(m => !(m.set >= from && m.set <= to)));
    const learned = createFamilySuggester({ ...knowledge, sentenceOwner: fileOf(words, mentions, weights) });
    const row = { with: { first: 0, suggested: 0, right: 0 }, without: { first: 0, suggested: 0, right: 0 } };
    const texts = all.filter(inRound);
    for (const text of texts) {
      for (const [name, suggester] of [['with', learned], ['without', plain]]) {
        const ranked = suggester.rank(text.text, { inScope: true });
        if (ranked[0]?.family === text.family) row[name].first++;
        if (ranked[0] && passes(ranked[0].confidence, suggester.threshold)) {
          row[name].suggested++;
          if (ranked[0].family === text.family) row[name].right++;
        }
      }
    }
    const show = r => `first choice ${r.first} / ${texts.length}, ${r.suggested} suggestions, ${r.right} right`;
    console.log(`sets ${from}-${to}: without ${show(row.without)}; with ${show(row.with)}`);
    for (const name of ['with', 'without']) for (const k of Object.keys(row[name])) total[name][k] += row[name][k];
    total.texts += texts.length;
  }
  const show = r => `first choice ${r.first} / ${total.texts}, ${r.suggested} suggestions, ${r.right} right (${((100 * r.right) / r.suggested).toFixed(1)} %)`;
  console.log(`all: without ${show(total.without)}; with ${show(total.with)}`);
}

const words = lexiconWords(knowledge.suggester.concepts);
/**
 * How much the weights move when a few descriptions are left out of training (every
 * STABILITY_STEP-th): weights that differ, and descriptions whose first choice or suggestion
 * changes. A written reading changes a few training mentions; it should not reshuffle the rest.
 */
function stability(words, leftOut) {
  const mentions = mentionsOf(descriptions, leftOut);
  const dropped = new Set(descriptions.filter((_, k) => k % STABILITY_STEP === 0).map(t => t.id));
  const fewer = mentions.filter(m => !dropped.has(m.key.slice(0, m.key.indexOf(':'))));
  const [all, some] = [mentions, fewer].map(ms => fileOf(words, ms, train(ms)));
  const keys = new Set([...Object.keys(all.weights), ...Object.keys(some.weights)]);
  const moved = [...keys].filter(k => all.weights[k] !== some.weights[k]).length;
  const [a, b] = [all, some].map(file => createFamilySuggester({ ...knowledge, sentenceOwner: file }));
  const texts = JSON.parse(fs.readFileSync(path.join(root, PARAPHRASES), 'utf8')).texts;
  let first = 0;
  let suggested = 0;
  for (const { text } of texts) {
    if (a.rank(text, { inScope: true })[0]?.family !== b.rank(text, { inScope: true })[0]?.family) first++;
    if (a.suggest(text, { inScope: true })?.family !== b.suggest(text, { inScope: true })?.family) suggested++;
  }
  console.log(`${dropped.size} of ${descriptions.length} descriptions left out (${mentions.length - fewer.length} mentions): ${moved} of ${keys.size} weights differ; of ${texts.length} descriptions, ${first} first choices and ${suggested} suggestions change`);
}

const leftOut = leftOutBy(words);
if (process.argv.includes('--cv')) {
  crossValidate(words, leftOut);
} else if (process.argv.includes('--stability')) {
  stability(words, leftOut);
} else {
  const mentions = mentionsOf(descriptions, leftOut);
  const text = serialise(fileOf(words, mentions, train(mentions)));
  if (process.argv.includes('--check')) {
    if (fs.readFileSync(TARGET, 'utf8') !== text) {
      console.error(`${path.relative(root, TARGET)} is not what training gives from ${PARAPHRASES} and the lexicon: run npm run train:sentence-owner`);
      process.exit(1);
    }
    console.log(`${path.relative(root, TARGET)} is what training gives`);
  } else {
    fs.writeFileSync(TARGET, text);
    console.log(`${path.relative(root, TARGET)}: ${mentions.length} mentions (${mentions.filter(m => m.label === 1).length} others'), ${Object.keys(JSON.parse(text).weights).length} weights`);
  }
}

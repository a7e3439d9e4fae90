// `npm run measure:suggester`: the family suggester's leave-one-model-out measurement on the
// real-text corpus (test/fixtures/suggest/corpus), written into docs/suggester-measurement.md
// between its "measure:suggester" markers. Exits 1 when the threshold in schemas/concepts.yaml
// is not the one the corpus fits, or when a recorded outcome in corpus.json is out of date;
// `--update` writes both instead (then re-run the tests, which pin every outcome).
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const { loadKnowledgeBase } = require(path.join(root, 'out/server/src/knowledge/load'));
const { CORPUS_FILE, loadCorpus } = require(path.join(root, 'out/test/suggester/corpus'));
const { figuresOf, fitThreshold, fittedTarget, judgeWholeCards, judgeWithModelsKnown, leaveOneModelOut, PRECISION_TARGET, PRECISION_TARGETS, scoreCorpus } = require(path.join(root, 'out/test/suggester/leaveOneModelOut'));
const { calibrationOnUnread, unreadTexts } = require(path.join(root, 'out/test/suggester/unreadCalibration'));

const DOC = path.join(root, 'docs', 'suggester-measurement.md');
const CONCEPTS = path.join(root, 'schemas', 'concepts.yaml');
const BEGIN = '<!-- measure:suggester begin -->';
const END = '<!-- measure:suggester end -->';
const update = process.argv.includes('--update');

const knowledge = loadKnowledgeBase(path.join(root, 'schemas'));
const corpus = loadCorpus();
const scored = scoreCorpus(knowledge, corpus);
const judged = leaveOneModelOut(scored);
const fitted = fitThreshold(scored);
const wholeCards = judgeWholeCards(knowledge, corpus, judged);

// Shares round down, so none reads as a target met that it misses (52 / 55 is 94 %, not 95 %).
const pct = (n, d) => (d === 0 ? '—' : `${n} / ${d} = ${Math.floor((100 * n) / d)} %`);
const conf = s => (s ? `${s.family} (${s.confidence.toFixed(2)})` : '—');
const quote = e => `"${e.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 70)}"`;

function figuresRow(name, subset, inCard = false) {
  const f = figuresOf(subset, inCard);
  const suggested = f.hits + f.wrong;
  return `| ${name} | ${f.texts} / ${f.models} | ${pct(f.firstChoice, f.labelled)} | ${pct(f.hits, f.labelled)} | ${pct(f.abstentions, f.labelled)} | ${f.wrong} | ${f.nullTexts ? `${f.correctNull} / ${f.nullTexts}` : '—'} | ${suggested ? pct(f.hits, suggested) : '—'} |`;
}

// One row per collection of texts, named by how it was used (corpus.json `batches`); the one
// measured unread is in bold, as it is the figure that counts.
function batchRows(inCard) {
  const batchOf = j => j.text.batch ?? 1;
  const numbers = [...new Set(judged.map(batchOf))].sort((a, b) => a - b);
  if (numbers.length < 2) return [];
  return numbers.map(n => {
    const use = corpus.batches?.[String(n)] ?? '';
    const name = `batch ${n}${use ? ` (${use})` : ''}`;
    return figuresRow(/^unread/.test(use) ? `**${name}**` : name, judged.filter(j => batchOf(j) === n), inCard);
  });
}

// How far the first choice can go: a text with no evidence for any family has none.
function evidenceBound(f) {
  return `Of the ${f.labelled} texts with a family, ${f.withEvidence} hold evidence for any family at all; the other ${f.labelled - f.withEvidence} name no concept and no known base, so no ranking of evidence could give them a first choice: the first choice can be right for at most ${pct(f.withEvidence, f.labelled)}. Among the texts with evidence it is right for ${pct(f.firstChoice, f.withEvidence)}.`;
}

// Per kind of text (corpus.json `kind`), most texts first: where the evidence is, and where not.
function kindRows() {
  const kinds = new Map();
  for (const j of judged) if (j.label !== null) kinds.set(j.text.kind, [...(kinds.get(j.text.kind) ?? []), j]);
  return [...kinds].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([kind, texts]) => {
    const f = figuresOf(texts);
    return `| ${kind} | ${f.labelled} | ${pct(f.withEvidence, f.labelled)} | ${pct(f.firstChoice, f.labelled)} | ${pct(f.hits, f.labelled)} | ${f.wrong} |`;
  });
}

// The confidence on text nobody had read: each unread batch's first choices as they were measured.
function unreadCalibrationTable() {
  const texts = unreadTexts(corpus);
  const batches = [...new Set(texts.map(t => t.batch))].sort((a, b) => a - b);
  const rows = calibrationOnUnread(corpus);
  const shipped = rows.find(r => Math.abs(r.threshold - fitted) < 1e-9);
  const calibrated = rows.find(r => r.suggestions > 0 && r.right / r.suggestions >= PRECISION_TARGET);
  return [
    `${texts.length} texts (batches ${batches.join(', ')}) were measured once before anyone here read them; corpus.json keeps the first choice each got then, as a README body, with the commit whose lexicon gave it (\`measuredUnread\`, confidences to two decimals). The figures above are in-sample for the lexicon, which was revised after reading; these are not.`,
    '',
    '| threshold | first choices at or above it | right | wrong | right, share |',
    '|---|---|---|---|---|',
    ...rows.map(r => `| ${r.threshold.toFixed(2)} | ${r.suggestions} | ${r.right} | ${r.suggestions - r.right} | ${r.suggestions ? pct(r.right, r.suggestions) : '—'} |`),
    '',
    `At the threshold shipped (${fitted.toFixed(2)}) they were right ${shipped && shipped.suggestions ? pct(shipped.right, shipped.suggestions) : '—'} of the time; the smallest threshold at which they were right at least ${Math.round(PRECISION_TARGET * 100)} % of the time is ${calibrated ? calibrated.threshold.toFixed(2) : 'none of the grid'}.`,
  ];
}

// What naming a known model gives: the same texts with the whole knowledge base (not held out).
function withModelsKnown() {
  const known = judgeWithModelsKnown(knowledge, corpus);
  const f = figuresOf(known);
  const presenting = known.filter(j => j.ranked[0]?.reasons.some(r => r.startsWith('presents:'))).length;
  return `With each text's own model known, as the product reads a text of one of the article's models (its name is then evidence: "We introduce Moshi", "Moshi is a …"), at the shipped threshold: first choice right ${pct(f.firstChoice, f.labelled)}, hits ${pct(f.hits, f.labelled)}, wrong ${f.wrong}, no-family texts left alone ${f.correctNull} / ${f.nullTexts}; ${presenting} texts' first choice includes a known model they present. The knowledge base took those models' families from the article: this is what the product does for them, not a measure of unseen models.`;
}

function figuresTable(inCard) {
  const families = [...knowledge.families.map(f => f.id), null];
  return [
    '| texts | texts / models | first choice right | hits at the threshold | abstentions | wrong at the threshold | no-family texts left without a suggestion | precision at the threshold |',
    '|---|---|---|---|---|---|---|---|',
    figuresRow('all', judged, inCard),
    figuresRow('dev models', judged.filter(j => !j.sealed), inCard),
    figuresRow('sealed models', judged.filter(j => j.sealed), inCard),
    ...batchRows(inCard),
    ...families.map(family => figuresRow(family ?? 'no family (not STS, or none in the article)', judged.filter(j => j.label === family), inCard)),
  ];
}

function render() {
  const thresholds = [...new Set(judged.map(j => j.threshold))].sort();
  const lines = [
    BEGIN,
    '',
    `Produced by \`npm run measure:suggester\` from ${corpus.texts.length} texts of ${Object.keys(corpus.models).length} models; do not edit by hand.`,
    '',
    `Threshold fitted on the whole corpus (shipped in schemas/concepts.yaml): **${fitted.toFixed(2)}**. Thresholds fitted per fold (without the held-out model's texts): ${thresholds.map(t => t.toFixed(2)).join(', ')}.`,
    '',
    '### Leave-one-model-out figures: each text as it is (a card body with no `sts` block)',
    '',
    ...figuresTable(false),
    '',
    evidenceBound(figuresOf(judged)),
    '',
    withModelsKnown(),
    '',
    '### By kind of text',
    '',
    'The texts with a family, as README bodies, by where they were taken from. The kinds issue 11 names are `intro` and `architecture` (README openings and architecture sections), `hf-card` and `abstract`; the paper\'s other sections and derived models\' READMEs were added later to measure more text unread.',
    '',
    '| kind | texts | with any evidence | first choice right | hits at the threshold | wrong at the threshold |',
    '|---|---|---|---|---|---|',
    ...kindRows(),
    '',
    '### The same texts as the architecture of a card with an `sts` block',
    '',
    'Same folds and thresholds; the card says the model is one you talk with, so the scope factor never applies.',
    '',
    ...figuresTable(true),
    '',
    '### Calibration on unread text',
    '',
    ...unreadCalibrationTable(),
    '',
    '### Each model\'s texts as one card body',
    '',
    'A README holds its introduction, architecture section and abstract together: all of a model\'s texts joined, judged with that model\'s fold threshold.',
    '',
    '| models | hits | abstentions | wrong | no-family models left without a suggestion |',
    '|---|---|---|---|---|',
    (() => {
      const withFamily = wholeCards.filter(m => m.label !== null);
      const count = outcome => wholeCards.filter(m => m.outcome === outcome).length;
      return `| ${wholeCards.length} (${withFamily.length} with a family) | ${pct(count('hit'), withFamily.length)} | ${count('abstain')} | ${wholeCards.filter(m => m.outcome.startsWith('wrong:')).length} | ${count('null')} / ${wholeCards.length - withFamily.length} |`;
    })(),
    '',
    '| model | label | first choice (confidence) | outcome |',
    '|---|---|---|---|',
    ...wholeCards.map(m => `| ${m.model} | ${m.label ?? '—'} | ${conf(m.ranked[0])} | ${m.outcome} |`),
    '',
    '### Sensitivity to the scope factor (not fitted; 0.5 is shipped)',
    '',
    '| scope factor | threshold fitted on all texts | first choice right | hits at the threshold | wrong at the threshold |',
    '|---|---|---|---|---|',
    ...[0.3, 0.5, 0.7, 0.85, 1].map(factor => {
      const variant = { ...knowledge, suggester: { ...knowledge.suggester, scope: { ...knowledge.suggester.scope, factor } } };
      const scoredVariant = scoreCorpus(variant, corpus);
      const f = figuresOf(leaveOneModelOut(scoredVariant));
      return `| ${factor} | ${fitThreshold(scoredVariant).toFixed(2)} | ${pct(f.firstChoice, f.labelled)} | ${pct(f.hits, f.labelled)} | ${f.wrong} |`;
    }),
    '',
    '### The fitting rule',
    '',
    `How the threshold is fitted on the training texts of each fold (and on all texts for the one shipped). Shipped: \`calibrated\`: the smallest threshold at which the training texts' suggestions are right at least a target share of the time, the target (${PRECISION_TARGETS.join(', ')}) being the smallest whose own leave-one-model-out precision within the training texts is at least ${Math.round(PRECISION_TARGET * 100)} % (on all texts: ${fittedTarget(scored)}). \`precision\` fixes the target at ${PRECISION_TARGET}; \`zero-wrong\` allows no wrong suggestion on the training texts.`,
    '',
    '| rule | threshold fitted on all texts | thresholds per fold | first choice right | hits at the threshold | wrong at the threshold | precision at the threshold |',
    '|---|---|---|---|---|---|---|',
    ...['calibrated', 'precision', 'zero-wrong'].map(rule => {
      const ruleJudged = leaveOneModelOut(scored, rule);
      const f = figuresOf(ruleJudged);
      const folds = [...new Set(ruleJudged.map(j => j.threshold.toFixed(2)))].sort().join(', ');
      return `| ${rule} | ${fitThreshold(scored, rule).toFixed(2)} | ${folds} | ${pct(f.firstChoice, f.labelled)} | ${pct(f.hits, f.labelled)} | ${f.wrong} | ${f.hits + f.wrong ? pct(f.hits, f.hits + f.wrong) : '—'} |`;
    }),
    '',
    '### Per text',
    '',
    '| text | label | first choice (confidence) | fold threshold | outcome | in a card with `sts` | evidence of the first choice |',
    '|---|---|---|---|---|---|---|',
    ...judged.map(j => `| ${j.text.id}${j.sealed ? ' (sealed)' : ''} | ${j.label ?? '—'} | ${conf(j.ranked[0])} | ${j.threshold.toFixed(2)} | ${j.outcome} | ${j.outcomeInCard} | ${(j.ranked[0]?.evidence ?? []).slice(0, 4).map(quote).join(', ')} |`),
    '',
    END,
  ];
  return lines.join('\n');
}

let stale = false;

// A batch labelled "unread" in corpus.json is being measured for the first time: keep each
// text's first choice, with the commit of the lexicon that gave it (which must be committed).
const unreadBatches = new Set(Object.entries(corpus.batches ?? {}).filter(([, use]) => /^unread/.test(use)).map(([n]) => Number(n)));
const firstMeasured = judged.filter(j => unreadBatches.has(j.text.batch ?? 1) && j.text.measuredUnread === undefined);
if (firstMeasured.length > 0) {
  if (update) {
    const { execFileSync } = require('node:child_process');
    const git = args => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    if (git(['status', '--porcelain', '--', 'schemas', 'server/src/service/suggest']) !== '') {
      throw new Error('the lexicon has uncommitted changes: commit it before measuring an unread batch, so the measurement names it');
    }
    const commit = git(['rev-parse', '--short=7', 'HEAD']);
    const raw = JSON.parse(fs.readFileSync(CORPUS_FILE, 'utf8'));
    const first = new Map(firstMeasured.map(j => [j.text.id, j.ranked[0]]));
    for (const text of raw.texts) {
      if (!first.has(text.id)) continue;
      const top = first.get(text.id);
      text.measuredUnread = { commit, firstChoice: top?.family ?? null, confidence: top ? Math.round(top.confidence * 100) / 100 : null };
      // The same in memory, so the calibration written below includes this batch.
      corpus.texts.find(t => t.id === text.id).measuredUnread = text.measuredUnread;
    }
    fs.writeFileSync(CORPUS_FILE, `${JSON.stringify(raw, null, 2)}\n`);
    console.log(`corpus.json: first choices of ${firstMeasured.length} unread texts recorded at ${commit}`);
  } else {
    console.error(`${firstMeasured.length} texts of an unread batch have no recorded first choice (run with --update to measure them once)`);
    stale = true;
  }
}

const doc = fs.readFileSync(DOC, 'utf8');
const from = doc.indexOf(BEGIN);
const to = doc.indexOf(END);
if (from < 0 || to < 0) throw new Error(`${DOC}: the ${BEGIN} … ${END} markers are missing`);
fs.writeFileSync(DOC, doc.slice(0, from) + render() + doc.slice(to + END.length));

if (Math.abs(knowledge.suggester.threshold - fitted) > 1e-9) {
  if (update) {
    const text = fs.readFileSync(CONCEPTS, 'utf8');
    fs.writeFileSync(CONCEPTS, text.replace(/^threshold: .*$/m, `threshold: ${fitted}`));
    console.log(`schemas/concepts.yaml: threshold ${knowledge.suggester.threshold} → ${fitted}`);
  } else {
    console.error(`schemas/concepts.yaml has threshold ${knowledge.suggester.threshold}; the corpus fits ${fitted} (run with --update)`);
    stale = true;
  }
}

const outcomes = new Map(judged.map(j => [j.text.id, j]));
const changed = corpus.texts.filter(t => t.expect !== outcomes.get(t.id).outcome || t.expectInCard !== outcomes.get(t.id).outcomeInCard);
if (changed.length > 0) {
  if (update) {
    const raw = JSON.parse(fs.readFileSync(CORPUS_FILE, 'utf8'));
    for (const text of raw.texts) {
      text.expect = outcomes.get(text.id).outcome;
      text.expectInCard = outcomes.get(text.id).outcomeInCard;
    }
    fs.writeFileSync(CORPUS_FILE, `${JSON.stringify(raw, null, 2)}\n`);
    console.log(`corpus.json: ${changed.length} recorded outcomes updated`);
  } else {
    for (const t of changed) console.error(`${t.id}: recorded ${t.expect} / ${t.expectInCard}, measured ${outcomes.get(t.id).outcome} / ${outcomes.get(t.id).outcomeInCard}`);
    stale = true;
  }
}

for (const inCard of [false, true]) {
  const all = figuresOf(judged, inCard);
  console.log(`leave-one-model-out, ${all.texts} texts of ${all.models} models (${all.labelled} with a family), ${inCard ? 'in a card with an sts block' : 'as they are'}:`);
  console.log(`  first choice right ${pct(all.firstChoice, all.labelled)}; hits at the threshold ${pct(all.hits, all.labelled)}; abstentions ${all.abstentions}; wrong at the threshold ${all.wrong}; no-family texts left alone ${all.correctNull} / ${all.nullTexts}`);
}
console.log(`  threshold fitted on all texts ${fitted}; docs/suggester-measurement.md updated`);
process.exit(stale ? 1 : 0);

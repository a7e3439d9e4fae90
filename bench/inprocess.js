'use strict';
/**
 * The in-process measures, on the same text, interleaved round by round after a warm-up:
 *   floor  — `yaml`'s parseDocument with a LineCounter (positions), on the card's YAML;
 *   ours   — service.validate(document) on a NEW document version every iteration, the whole
 *            analysis: schema, every rule, the prose suggester, suppressions, LSP ranges. Each
 *            iteration is a keystroke: a new word typed, in turn, into a paragraph of the body,
 *            into `sts.architecture` and into the front matter outside prose (keystrokes()), so
 *            the parse cache (keyed by version) is never reused, and the caches keyed by content
 *            (the suggester's passages, the architecture's alignment) are reused exactly as far
 *            as typing leaves the text as it was;
 *   anchor — yaml-language-server's language service, configured with schemas/modelcard.schema.json,
 *            doValidation on a new document version every iteration, on the card's YAML.
 * "ours" is measured twice: on the README (front matter + Markdown body, as the server sees it)
 * and on the same YAML as a standalone *.modelcard.yaml (exactly the text the floor and anchor see).
 */
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { parseDocument, LineCounter } = require('yaml');
const { TextDocument } = require('vscode-languageserver-textdocument');

const ROOT = path.join(__dirname, '..');
const SCHEMA_PATH = path.join(ROOT, 'schemas', 'modelcard.schema.json');

function loadOurs() {
  const { createModelCardService } = require(path.join(ROOT, 'out/server/src/service/index.js'));
  const { loadKnowledgeBase, findSchemasDirectory } = require(path.join(ROOT, 'out/server/src/knowledge/load.js'));
  return createModelCardService({ knowledge: loadKnowledgeBase(findSchemasDirectory(ROOT)) });
}

function loadAnchor() {
  const { getLanguageService } = require('yaml-language-server');
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
  const uri = pathToFileURL(SCHEMA_PATH).href;
  const service = getLanguageService({
    schemaRequestService: async requested => fs.promises.readFile(new URL(requested), 'utf8'),
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  });
  service.configure({ validate: true, hover: false, completion: false, schemas: [{ uri, fileMatch: ['*'], schema }] });
  return service;
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const p25 = quantile(sorted, 0.25);
  const p75 = quantile(sorted, 0.75);
  return { p50: quantile(sorted, 0.5), p25, p75, iqr: p75 - p25, n: sorted.length };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Where the keystrokes of "ours" go, as offsets into `text`: the end of a line in the middle of
 * the Markdown body (when there is one), the end of the first line of `sts.architecture`'s value
 * (when there is one), and the start of the front matter (a comment line typed there: YAML that
 * is no prose and changes no value).
 */
function keystrokes(text, isMarkdown) {
  const places = [];
  const frontMatterStart = isMarkdown ? text.indexOf('\n') + 1 : 0;
  if (isMarkdown) {
    const closing = /^---[ \t]*$/m.exec(text.slice(frontMatterStart));
    const bodyStart = closing ? frontMatterStart + closing.index + closing[0].length : text.length;
    const lineEnd = text.indexOf('\n', bodyStart + Math.floor((text.length - bodyStart) / 2));
    if (lineEnd > bodyStart) places.push({ at: lineEnd, typed: n => ` w${n}` });
  }
  const architecture = /^[ \t]+architecture:[^\n]*\n?/m.exec(text);
  if (architecture) {
    const inline = !/[>|][-+0-9]*[ \t]*\n?$/.test(architecture[0]);
    const lineEnd = inline ? architecture.index + architecture[0].trimEnd().length : text.indexOf('\n', architecture.index + architecture[0].length);
    if (lineEnd > 0) places.push({ at: lineEnd, typed: n => ` w${n}` });
  }
  places.push({ at: frontMatterStart, typed: n => `# typed ${n}\n` });
  return places;
}

/** The text after the n-th keystroke: a word typed at the next place in turn. */
function typedText(text, places, n) {
  const { at, typed } = places[n % places.length];
  return text.slice(0, at) + typed(n) + text.slice(at);
}

/** Iterations per timed batch for a card of `lines` YAML lines: about 1 ms or more of the floor. */
function batchFor(lines) {
  return Math.max(1, Math.min(50, Math.round(3000 / Math.max(lines, 1))));
}

/** The floor's work, once: `yaml`'s parse of the card's YAML with positions. */
function floorParse(yaml) {
  return parseDocument(yaml, { lineCounter: new LineCounter() }).contents ? 1 : 0;
}

/** Every order of the items (n! of them; n is 3 or 4 here). */
function permutations(items) {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map(rest => [item, ...rest]));
}

/**
 * Measures one case: at least `rounds` rounds after `warmup` rounds; in each round every measure
 * runs `batch` iterations (so tiny cards are not below the timer's resolution). Each round takes
 * the next of all the orders of the measures, and the rounds are a whole number of passes over
 * them, so each measure follows each other one equally often: a measure pays for some of the
 * garbage its predecessor left, and the anchor leaves the most. (A rotation of one order, used
 * before, put "ours" right after the anchor in 3 rounds of 4.) Samples are milliseconds per
 * iteration.
 */
async function measureCase(c, { ours, anchor, rounds, warmup }) {
  const lines = c.yaml.split('\n').length - 1;
  const mdLines = c.markdown ? c.markdown.split('\n').length - 1 : lines;
  const batch = batchFor(lines);
  let version = 0;
  const mdUri = `file:///bench/${c.name}/README.md`;
  const yamlUri = `file:///bench/${c.name}/card.modelcard.yaml`;
  const anchorUri = `file:///bench/${c.name}/card.yaml`;
  let sink = 0;
  const yamlPlaces = keystrokes(c.yaml, false);
  const mdPlaces = c.markdown ? keystrokes(c.markdown, true) : [];

  const measures = {
    floor: () => {
      for (let i = 0; i < batch; i++) sink += floorParse(c.yaml);
    },
    oursYaml: () => {
      for (let i = 0; i < batch; i++) sink += ours.validate(TextDocument.create(yamlUri, 'yaml', ++version, typedText(c.yaml, yamlPlaces, version))).length;
    },
    anchor: async () => {
      for (let i = 0; i < batch; i++) sink += (await anchor.doValidation(TextDocument.create(anchorUri, 'yaml', ++version, c.yaml), false)).length;
    },
  };
  if (c.markdown) {
    measures.ours = () => {
      for (let i = 0; i < batch; i++) sink += ours.validate(TextDocument.create(mdUri, 'markdown', ++version, typedText(c.markdown, mdPlaces, version))).length;
    };
  }
  const names = Object.keys(measures);
  const orders = permutations(names);
  const balancedRounds = Math.ceil(rounds / orders.length) * orders.length;
  const samples = Object.fromEntries(names.map(n => [n, []]));
  for (let round = 0; round < warmup + balancedRounds; round++) {
    const order = orders[(round - warmup + orders.length * warmup) % orders.length];
    for (const name of order) {
      const start = now();
      await measures[name]();
      const elapsed = (now() - start) / batch;
      if (round >= warmup) samples[name].push(elapsed);
    }
  }
  if (sink < 0) console.log(sink);
  const stats = Object.fromEntries(names.map(n => [n, summarize(samples[n])]));
  // Diagnostic counts, to show the three measures look at the same problems.
  const counts = {
    ours: c.markdown ? ours.validate(TextDocument.create(mdUri, 'markdown', ++version, c.markdown)).length : undefined,
    oursYaml: ours.validate(TextDocument.create(yamlUri, 'yaml', ++version, c.yaml)).length,
    anchor: (await anchor.doValidation(TextDocument.create(anchorUri, 'yaml', ++version, c.yaml), false)).length,
  };
  const oursMs = (stats.ours ?? stats.oursYaml).p50;
  return {
    name: c.name,
    lines: mdLines,
    yamlLines: lines,
    batch,
    ms: {
      floor: stats.floor.p50,
      ours: oursMs,
      oursYaml: stats.oursYaml.p50,
      anchor: stats.anchor.p50,
    },
    iqr: Object.fromEntries(names.map(n => [n, stats[n].iqr])),
    stats,
    ratios: {
      oursOverFloor: oursMs / stats.floor.p50,
      oursYamlOverFloor: stats.oursYaml.p50 / stats.floor.p50,
      anchorOverOurs: stats.anchor.p50 / oursMs,
      anchorOverOursYaml: stats.anchor.p50 / stats.oursYaml.p50,
    },
    perLineUs: { ours: (oursMs * 1000) / mdLines, oursYaml: (stats.oursYaml.p50 * 1000) / lines, floor: (stats.floor.p50 * 1000) / lines },
    diagnostics: counts,
  };
}

/**
 * Typing as it mostly happens in a README: keystroke after keystroke at one place in the body
 * (a word of up to 40 characters typed, then started again), interleaved with the floor round by
 * round, both orders equally often. Consecutive versions share their front matter, so the parse
 * of the last version is kept (ParsedDocuments) and only the body's prose is read again.
 */
async function measureBodyTyping(c, { ours, rounds, warmup }) {
  const batch = batchFor(c.yaml.split('\n').length - 1);
  const uri = `file:///bench/${c.name}/typing/README.md`;
  const place = keystrokes(c.markdown, true)[0];
  const word = 'conversational speech model typing on 0 ';
  let version = 0;
  let sink = 0;
  const measures = {
    floor: () => {
      for (let i = 0; i < batch; i++) sink += floorParse(c.yaml);
    },
    oursBody: () => {
      for (let i = 0; i < batch; i++) {
        const typed = word.slice(0, ++version % word.length);
        sink += ours.validate(TextDocument.create(uri, 'markdown', version, c.markdown.slice(0, place.at) + typed + c.markdown.slice(place.at))).length;
      }
    },
  };
  const samples = { floor: [], oursBody: [] };
  const total = warmup + Math.ceil(rounds / 2) * 2;
  for (let round = 0; round < total; round++) {
    for (const name of round % 2 === 0 ? ['floor', 'oursBody'] : ['oursBody', 'floor']) {
      const start = now();
      measures[name]();
      if (round >= warmup) samples[name].push((now() - start) / batch);
    }
  }
  if (sink < 0) console.log(sink);
  const floor = summarize(samples.floor);
  const oursBody = summarize(samples.oursBody);
  return { name: c.name, ms: { floor: floor.p50, oursBody: oursBody.p50 }, iqr: { floor: floor.iqr, oursBody: oursBody.iqr }, ratio: oursBody.p50 / floor.p50 };
}

/** Splits a real Markdown card into its front matter (for the floor and the anchor). */
function frontMatterOf(markdown) {
  const match = /^\s*?---\r?\n([\s\S]*?)^---[ \t]*$/m.exec(markdown);
  return match ? match[1] : '';
}

module.exports = { loadOurs, loadAnchor, measureCase, measureBodyTyping, summarize, frontMatterOf, quantile, keystrokes, typedText };

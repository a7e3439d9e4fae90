'use strict';
/**
 * The landscape at scale: N cards (the scale measure's texts) summarised, placed among the known
 * models and drawn as SVG, in process, against validating the same N cards (the lint work) in the
 * same process, interleaved round by round. Reported as the ratio landscape / lint and as ms, with
 * the drawing alone (placement, layout, SVG: what a redraw costs once the cards are analysed).
 */
const path = require('node:path');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { cardText, realCards } = require('./scale');

const ROOT = path.join(__dirname, '..');
const now = () => Number(process.hrtime.bigint()) / 1e6;

function measureLandscape(service, count, seed, rounds) {
  const { renderLandscapeSvg } = require(path.join(ROOT, 'out/server/src/render/index.js'));
  const real = realCards();
  const texts = Array.from({ length: count }, (_, i) => cardText(seed, i, real));
  let version = 0;
  // New document versions every round: nothing is reused from a previous round's parse.
  const documents = () => texts.map((text, i) => TextDocument.create(`file:///bench/org-${i % 50}/model-${i}/README.md`, 'markdown', ++version, text));
  const lintMs = [];
  const landscapeMs = [];
  const drawMs = [];
  let shape;
  for (let round = 0; round < rounds + 1; round++) {
    let start = now();
    for (const document of documents()) service.validate(document);
    const lint = now() - start;
    start = now();
    const cards = documents().flatMap((document, i) => {
      const summary = service.summarize(document);
      return summary ? [{ summary, label: `org-${i % 50}/model-${i}/README.md` }] : [];
    });
    const placing = now();
    const landscape = service.landscape(cards);
    const svg = renderLandscapeSvg(landscape, { theme: 'light' });
    const drawn = now() - start;
    const draw = now() - placing;
    if (round === 0) {
      shape = { placed: landscape.models.length, unplaced: landscape.unplaced.length, edges: landscape.lineage.length, svgKB: svg.length / 1024 };
      continue; // warm-up
    }
    lintMs.push(lint);
    landscapeMs.push(drawn);
    drawMs.push(draw);
  }
  const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    cards: count, rounds, lintMs: median(lintMs), landscapeMs: median(landscapeMs), drawMs: median(drawMs),
    ratio: median(landscapeMs.map((ms, i) => ms / lintMs[i])), ...shape,
  };
}

module.exports = { measureLandscape };

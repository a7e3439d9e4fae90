'use strict';
/**
 * `npm run bench` (full) and `npm run bench -- --quick` (CI: small, < 60 s, asserts nothing about
 * time). Prints a table and writes bench/results.json. See bench/README.md.
 *
 * Options: --quick, --seed=N, --rounds=N (in-process rounds per case), --skip-protocol, --skip-scale, --skip-landscape,
 * --out=FILE.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generateCard } = require('./generate');
const { loadOurs, loadAnchor, measureCase, measureBodyTyping, summarize, frontMatterOf } = require('./inprocess');
const protocol = require('./protocol');
const scale = require('./scale');
const { measureLandscape } = require('./landscape');

const args = process.argv.slice(2);
const flag = name => args.includes(`--${name}`);
const option = (name, fallback) => args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const QUICK = flag('quick');
const SEED = Number(option('seed', 20250601));
const OUT = path.resolve(option('out', path.join(__dirname, 'results.json')));

const CONFIG = QUICK
  ? { sizes: [300, 3000], rounds: 5, warmup: 2, coldRuns: 1, edits: 20, scale: [200], open: 100, landscape: { cards: 200, rounds: 2 } }
  : { sizes: [300, 3000, 10000], rounds: 25, warmup: 8, coldRuns: 5, edits: 200, scale: [1000, 10000], open: 1000, landscape: { cards: 1000, rounds: 5 } };
if (option('rounds')) CONFIG.rounds = Number(option('rounds'));

const TARGETS = {
  oursOverFloorAt300: 1.3,
  anchorOverOursMin: 5,
  perLineGrowthMax: 1.5,
  keystrokeP95Ms: 10,
  debounceMaxMs: 50,
  coldStartShareMax: 0.5,
  tenThousandCardsMs: 10000,
  landscapeThousandCardsMs: 1000,
  openCardsRssMB: 150,
};

const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const pad = (text, width, right = false) => (right ? String(text).padStart(width) : String(text).padEnd(width));

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
  const line = cells => cells.map((c, i) => pad(c, widths[i], i > 0)).join('  ');
  return [line(headers), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function realCases() {
  const dir = path.join(__dirname, '..', 'test', 'fixtures', 'real-cards');
  return fs.readdirSync(dir).filter(f => f.endsWith('.md') && f !== 'SOURCES.md').sort().map(file => {
    const markdown = fs.readFileSync(path.join(dir, file), 'utf8');
    return { name: `real/${file.replace(/\.md$/, '')}`, markdown, yaml: frontMatterOf(markdown) };
  });
}

async function main() {
  const started = Date.now();
  const results = {
    date: new Date().toISOString(),
    quick: QUICK,
    seed: SEED,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
    versions: {
      yaml: require('yaml/package.json').version,
      'yaml-language-server': require('yaml-language-server/package.json').version,
    },
    targets: TARGETS,
    cases: [],
  };

  // 1. In process.
  const ours = loadOurs();
  const anchor = loadAnchor();
  const cases = [
    ...CONFIG.sizes.map(size => ({ name: `generated-${size}`, ...generateCard(SEED + size, size) })),
    ...realCases(),
  ];
  for (const c of cases) {
    const r = await measureCase(c, { ours, anchor, rounds: CONFIG.rounds, warmup: CONFIG.warmup });
    results.cases.push(r);
    process.stderr.write(`  measured ${r.name}\n`);
  }
  console.log('\nIn process (ms per validation, p50 [IQR]; ours = README with body, ours-yaml = the same YAML as a standalone card)\n');
  console.log(table(
    ['case', 'lines', 'floor', 'ours', 'ours-yaml', 'anchor', 'ours/floor', 'ours-yaml/floor', 'anchor/ours', 'anchor/ours-yaml', 'µs/line'],
    results.cases.map(r => [
      r.name, r.lines,
      `${fmt(r.ms.floor, 3)} [${fmt(r.iqr.floor, 3)}]`,
      `${fmt(r.ms.ours, 3)} [${fmt(r.iqr.ours ?? r.iqr.oursYaml, 3)}]`,
      `${fmt(r.ms.oursYaml, 3)} [${fmt(r.iqr.oursYaml, 3)}]`,
      `${fmt(r.ms.anchor, 3)} [${fmt(r.iqr.anchor, 3)}]`,
      fmt(r.ratios.oursOverFloor), fmt(r.ratios.oursYamlOverFloor), fmt(r.ratios.anchorOverOurs), fmt(r.ratios.anchorOverOursYaml),
      fmt(r.perLineUs.ours),
    ]),
  ));

  // Keystrokes in a row in a README's body (the front matter's parse kept from one to the next).
  results.bodyTyping = [];
  for (const c of cases.filter(c => c.name.startsWith('generated-') && c.markdown)) {
    results.bodyTyping.push(await measureBodyTyping(c, { ours, rounds: CONFIG.rounds, warmup: CONFIG.warmup }));
  }
  console.log("\nTyping in a README's body (keystrokes in a row at one place; ms per validation, p50 [IQR])\n");
  console.log(table(
    ['case', 'floor', 'ours, body typing', 'ratio'],
    results.bodyTyping.map(r => [r.name, `${fmt(r.ms.floor, 3)} [${fmt(r.iqr.floor, 3)}]`, `${fmt(r.ms.oursBody, 3)} [${fmt(r.iqr.oursBody, 3)}]`, fmt(r.ratio)]),
  ));

  // 2. Over the protocol.
  const card300 = cases.find(c => c.name === 'generated-300');
  if (!flag('skip-protocol')) {
    const cold = await protocol.coldStart(card300.yaml, { runs: CONFIG.coldRuns });
    const typing = {};
    for (const which of ['ours', 'anchor']) typing[which] = await protocol.typingSession(which, card300.yaml, { edits: CONFIG.edits });
    const servers = {};
    for (const which of ['ours', 'anchor']) {
      const c = summarize(cold.samples[which]);
      const t = summarize(typing[which].samples);
      const sorted = [...typing[which].samples].sort((a, b) => a - b);
      const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
      const debounce = protocol.SERVERS[which].debounceMs;
      servers[which] = {
        coldStartMs: { p50: c.p50, iqr: c.iqr, samples: cold.samples[which] },
        coldStartDiagnostics: cold.diagnostics[which],
        typing: { edits: typing[which].samples.length, p50: t.p50, p95, iqr: t.iqr, p50WithoutDebounce: t.p50 - debounce, p95WithoutDebounce: p95 - debounce },
        debounceMs: debounce,
        debounce: protocol.SERVERS[which].debounceNote,
        rssAfterTypingMB: typing[which].memory.rssMB,
      };
    }
    // Typing while the server checks a workspace of CONFIG.open cards in the background.
    const tree = scale.writeTree(CONFIG.open, SEED);
    try {
      // Pushed (the background scan publishes), then pulled as VS Code does (one workspace
      // request streaming the cards, a document pull after each keystroke).
      for (const [key, pull] of [['typingWithWorkspace', false], ['typingWithWorkspacePulled', true]]) {
        const busy = await protocol.typingSession('ours', card300.yaml, { edits: CONFIG.edits, workspace: tree.dir, pull });
        const sorted = [...busy.samples].sort((a, b) => a - b);
        servers.ours[key] = {
          cards: CONFIG.open, edits: busy.samples.length, p50: summarize(busy.samples).p50,
          p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)],
          workspaceDiagnostics: busy.published,
        };
      }
    } finally {
      fs.rmSync(tree.dir, { recursive: true, force: true });
    }
    results.protocol = { card: 'generated-300 (standalone YAML)', lines: card300.yaml.split('\n').length - 1, servers };
    console.log(`\nOver the protocol (${results.protocol.card}, ${results.protocol.lines} lines; ms)\n`);
    const w = servers.ours.typingWithWorkspace;
    const wp = servers.ours.typingWithWorkspacePulled;
    console.log(`our server typing while it checks a workspace of ${w.cards} cards: keystroke p50 ${fmt(w.p50)} ms, p95 ${fmt(w.p95)} ms (${w.workspaceDiagnostics} cards' diagnostics published meanwhile)`);
    console.log(`the same with a client that pulls (LSP 3.17): keystroke → document pull answered p50 ${fmt(wp.p50)} ms, p95 ${fmt(wp.p95)} ms (${wp.workspaceDiagnostics} cards streamed to its workspace request meanwhile)\n`);
    console.log(table(
      ['server', 'cold start p50', 'keystroke p50', 'keystroke p95', 'p95 − debounce', 'debounce'],
      ['ours', 'anchor'].map(w => [w === 'ours' ? 'ours (dist/server.js)' : 'yaml-language-server',
        fmt(servers[w].coldStartMs.p50, 1), fmt(servers[w].typing.p50), fmt(servers[w].typing.p95), fmt(servers[w].typing.p95WithoutDebounce), servers[w].debounce]),
    ));
  }

  // 3. Scale.
  if (!flag('skip-scale')) {
    const lint = [];
    for (const count of CONFIG.scale) {
      // The default (worker threads, one per CPU) and everything on the main thread.
      lint.push(...await scale.lintScale(count, SEED, [{ jobs: undefined }, { jobs: 1 }]));
      process.stderr.write(`  linted ${count} cards\n`);
    }
    const real = scale.realCards();
    const open = await protocol.openMany('ours', Array.from({ length: CONFIG.open }, (_, i) => scale.cardText(SEED, i, real)));
    results.scale = { lint, open: { cards: CONFIG.open, ...open } };
    console.log('\nScale\n');
    console.log(table(
      ['run', 'cards', 'lines', 'wall s', 'cards/s', 'peak RSS MB', 'RSS late/early'],
      lint.map(l => [`modelcard-lint --format json${l.jobs === 'default' ? '' : ` --jobs ${l.jobs}`}`, l.cards, l.lines, fmt(l.wallMs / 1000), fmt(l.cardsPerSecond, 0), fmt(l.peakRssMB, 1), fmt(l.rssLateOverEarly)]),
    ));
    console.log(`\nour server with ${CONFIG.open} cards open: RSS ${fmt(open.after.rssMB, 1)} MB (peak ${fmt(open.after.hwmMB, 1)} MB; ${fmt(open.before.rssMB, 1)} MB before opening), all diagnosed in ${fmt(open.settledMs, 0)} ms`);
  }

  // 4. The landscape of many cards, against linting them in the same process.
  if (!flag('skip-landscape')) {
    results.landscape = measureLandscape(ours, CONFIG.landscape.cards, SEED, CONFIG.landscape.rounds);
    const l = results.landscape;
    console.log(`\nLandscape of ${l.cards} cards (median of ${l.rounds} rounds): ${fmt(l.landscapeMs, 0)} ms with each card's analysis, ${fmt(l.drawMs, 0)} ms to place and draw; validating the same cards: ${fmt(l.lintMs, 0)} ms; landscape / lint ${fmt(l.ratio)} (${l.placed} placed, ${l.unplaced} unplaced, ${l.edges} edges, SVG ${fmt(l.svgKB, 0)} KB)`);
  }

  // Targets, as ratios from this run.
  const at = name => results.cases.find(r => r.name === name);
  const checks = [];
  const check = (target, value, ok, detail) => checks.push({ target, value, met: ok, detail });
  const c300 = at('generated-300');
  check('ours/floor ≤ 1.3 at 300 lines (README)', c300.ratios.oursOverFloor, c300.ratios.oursOverFloor <= TARGETS.oursOverFloorAt300, `standalone YAML: ${fmt(c300.ratios.oursYamlOverFloor)}`);
  const minAnchor = Math.min(...results.cases.map(r => r.ratios.anchorOverOurs));
  check('anchor/ours ≥ 5 on every case', minAnchor, minAnchor >= TARGETS.anchorOverOursMin, `min over ${results.cases.length} cases`);
  const largest = at(`generated-${CONFIG.sizes[CONFIG.sizes.length - 1]}`);
  const growth = largest.perLineUs.ours / c300.perLineUs.ours;
  check(`per-line cost at ${largest.lines} lines ≤ 1.5× at 300`, growth, growth <= TARGETS.perLineGrowthMax, `${fmt(largest.perLineUs.ours)} vs ${fmt(c300.perLineUs.ours)} µs/line`);
  if (results.protocol) {
    const s = results.protocol.servers;
    check('keystroke → diagnostics p95 ≤ 10 ms', s.ours.typing.p95, s.ours.typing.p95 <= TARGETS.keystrokeP95Ms, `debounce ${s.ours.debounce}`);
    check(`keystroke p95 ≤ 10 ms while checking a workspace of ${s.ours.typingWithWorkspace.cards} cards`, s.ours.typingWithWorkspace.p95,
      s.ours.typingWithWorkspace.p95 <= TARGETS.keystrokeP95Ms, `p50 ${fmt(s.ours.typingWithWorkspace.p50)} ms`);
    check(`keystroke p95 ≤ 10 ms for a pulling client, workspace of ${s.ours.typingWithWorkspacePulled.cards} cards`, s.ours.typingWithWorkspacePulled.p95,
      s.ours.typingWithWorkspacePulled.p95 <= TARGETS.keystrokeP95Ms, `p50 ${fmt(s.ours.typingWithWorkspacePulled.p50)} ms`);
    const share = s.ours.coldStartMs.p50 / s.anchor.coldStartMs.p50;
    check('our cold start ≤ ½ of yaml-language-server', share, share <= TARGETS.coldStartShareMax,
      `${fmt(s.ours.coldStartMs.p50, 0)} vs ${fmt(s.anchor.coldStartMs.p50, 0)} ms (without its ${s.anchor.debounceMs} ms debounce: ${fmt(s.ours.coldStartMs.p50 / (s.anchor.coldStartMs.p50 - s.anchor.debounceMs))})`);
  }
  if (results.scale) {
    const runsWith = jobs => results.scale.lint.filter(l => l.jobs === jobs);
    const [small, big] = [runsWith('default')[0], runsWith('default').at(-1)];
    const [smallOne, bigOne] = [runsWith(1)[0], runsWith(1).at(-1)];
    if (big.cards === 10000) {
      check('10,000 cards < 10 s', big.wallMs / 1000, big.wallMs < TARGETS.tenThousandCardsMs,
        `${fmt(big.cardsPerSecond, 0)} cards/s; --jobs 1: ${fmt(bigOne.wallMs / 1000)} s`);
    }
    if (big !== small) {
      const memoryGrowth = big.peakRssMB / small.peakRssMB;
      check('lint memory flat (peak RSS ratio, 10× the cards)', memoryGrowth, memoryGrowth <= 1.25,
        `${fmt(small.peakRssMB, 0)} → ${fmt(big.peakRssMB, 0)} MB; --jobs 1: ${fmt(smallOne.peakRssMB, 0)} → ${fmt(bigOne.peakRssMB, 0)} MB`);
      check(`lint memory flat within the ${big.cards}-card run (peak RSS, last half / second quarter)`, big.rssLateOverEarly, big.rssLateOverEarly <= 1.1,
        `--jobs 1: ${fmt(bigOne.rssLateOverEarly)}`);
    }
    const rss = results.scale.open.after.rssMB;
    if (results.scale.open.cards === 1000) check('1,000 open cards < 150 MB', rss, rss < TARGETS.openCardsRssMB, 'RSS of dist/server.js');
  }
  if (results.landscape?.cards === 1000) {
    const l = results.landscape;
    check('landscape of 1,000 cards drawn < 1 s', l.drawMs / 1000, l.drawMs < TARGETS.landscapeThousandCardsMs,
      `with each card's analysis ${fmt(l.landscapeMs / 1000)} s, ${fmt(l.ratio)}× validating the same cards (${fmt(l.lintMs / 1000)} s)`);
  }
  results.checks = checks;
  results.elapsedS = (Date.now() - started) / 1000;
  console.log(`\nTargets${QUICK ? ' (quick run: indicative only, nothing is asserted)' : ''}\n`);
  console.log(table(['target', 'value', 'met', 'detail'], checks.map(c => [c.target, fmt(c.value), c.met ? 'yes' : 'NO', c.detail])));
  fs.writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${path.relative(process.cwd(), OUT)} written in ${fmt(results.elapsedS, 1)} s`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

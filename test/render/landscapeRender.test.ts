/**
 * The landscape renderer: the layout's geometry (no overlaps, chips in their cells, rows that fit,
 * edges between the right chips), the SVG as well-formed XML with every name escaped, the HTML
 * page, the Markdown table, and the same output for the same input.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Landscape, LandscapeCard } from '../../server/src/service';
import { renderLandscapeHtml, renderLandscapeMarkdown, renderLandscapeSvg } from '../../server/src/render';
import { layoutLandscape, METRICS } from '../../server/src/render/landscapeLayout';
import { bezierAt, contains, inside, onBorder, overlaps } from '../../server/src/render/geometry';
import { textWidth, truncate, wrap } from '../../server/src/render/textMetrics';
import { documentOf, ROOT, service } from '../helpers';
import { descendants, hasClass, parseXml, textOf, titleOf, XmlElement } from './xmlTree';

function card(name: string, text: string): LandscapeCard {
  const summary = service.summarize(documentOf(text, name));
  assert.ok(summary, `${name} is a card`);
  return { summary, label: name };
}

function exampleCards(): LandscapeCard[] {
  const files = ['good/moshi/README.md', 'good/personaplex.modelcard.yaml', 'bad/conflicts.modelcard.yaml', 'bad/no-license.modelcard.yaml', 'bad/typos.modelcard.yaml', 'bad/omni-demo/README.md'];
  return files.map(file => card(file.replace(/\//g, '-'), fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8')));
}

const HOSTILE = ['<script>alert(1)</script>', `"&'`, 'a|b *c* _d_ [e](f) `g`', ']]> & <!-- x -->'];
/** A README with no sts block: a suggested family, and a posture implied by its license. */
const SUGGESTED = '---\nlicense: cc-by-nc-4.0\nbase_model: kyutai/moshiko-pytorch-bf16\n---\n# Tiny Talker\n\nA full-duplex spoken dialogue model fine-tuned from Moshi.\n';

function hostileCards(): LandscapeCard[] {
  return HOSTILE.map((name, i) => card(`hostile-${i}.modelcard.yaml`,
    `license: apache-2.0\nsts:\n  name: ${JSON.stringify(name)}\n  family: dual-stream-codec\n  licensing: { posture: permissive }\n`));
}

/** About 60 extra workspace cards spread over the cells, some derived from known models. */
function manyCards(landscape: Landscape): LandscapeCard[] {
  const families = landscape.families.map(f => f.id);
  const postures = landscape.postures.map(p => p.id).filter(p => p !== 'unstated');
  return Array.from({ length: 60 }, (_, i) => card(`many-${i}.modelcard.yaml`, [
    'license: apache-2.0',
    ...(i % 10 === 0 ? ['base_model: Moshi'] : []),
    'sts:',
    `  name: Synthetic Model ${i}${i % 7 === 0 ? ' with a rather long name' : ''}`,
    `  family: ${families[(i * 3) % families.length]}`,
    `  licensing: { posture: ${postures[(i + Math.floor(i / 5)) % postures.length]} }`,
    ...(i % 4 === 0 ? ['  subcategories: [translation-duplex]'] : []),
  ].join('\n') + '\n'));
}

const known = service.landscape([]);
const examples = service.landscape([...exampleCards(), card('README.md', SUGGESTED), ...hostileCards()]);
const crowded = service.landscape([...exampleCards(), ...manyCards(known)]);
const LANDSCAPES: [string, Landscape][] = [['known models', known], ['examples', examples], ['60 extra cards', crowded]];

describe('text measures', () => {
  test('truncate keeps what fits and cuts the rest with an ellipsis', () => {
    assert.equal(truncate('Moshi', 100, 12), 'Moshi');
    const cut = truncate('Sesame CSM-Medium 8B', 80, 12);
    assert.ok(cut.endsWith('…') && 'Sesame CSM-Medium 8B'.startsWith(cut.slice(0, -1)) && textWidth(cut, 12) <= 80, cut);
  });

  test('wrap breaks at spaces (or after a slash or hyphen), within the width and the line limit', () => {
    const lines = wrap('Cascade with chunk-level duplex predictor', 150, 13, 2, true);
    assert.equal(lines.length, 2);
    for (const line of lines) assert.ok(textWidth(line, 13, true) <= 150, line);
    assert.ok(lines[1]!.endsWith('…'));
    assert.deepEqual(wrap('Interleaved / flattened single stream', 1000, 13), ['Interleaved / flattened single stream']);
    assert.deepEqual(wrap('a-very-long-hyphenated-word', 80, 12).join(''), 'a-very-long-hyphenated-word');
  });
});

describe('the inputs the tests draw', () => {
  test('cover what the picture shows: workspace cards, a suggested family, a posture from licenses, conflicts, lineage, unplaced', () => {
    assert.ok(examples.models.some(m => m.card));
    assert.ok(examples.models.some(m => m.familyFrom === 'suggested'));
    assert.ok(examples.models.some(m => m.postureFrom === 'licenses'));
    assert.ok(examples.models.some(m => m.conflicts.some(c => c.severity === 'error')));
    assert.ok(examples.lineage.some(e => e.kind === 'base-model') && examples.lineage.some(e => e.kind === 'sibling'));
    assert.ok(examples.unplaced.some(m => m.card));
    assert.ok(crowded.models.length >= known.models.length + 60);
  });
});

for (const [name, landscape] of LANDSCAPES) {
  describe(`layout: ${name}`, () => {
    const layout = layoutLandscape(landscape);

    test('each placed model gets exactly one chip', () => {
      assert.deepEqual(layout.chips.map(chip => chip.model.id).sort(), landscape.models.map(model => model.id).sort());
      assert.equal(new Set(layout.chips.map(chip => chip.model.id)).size, layout.chips.length);
    });

    test('no two chips overlap', () => {
      for (let i = 0; i < layout.chips.length; i++) {
        for (let j = i + 1; j < layout.chips.length; j++) {
          assert.ok(!overlaps(layout.chips[i]!, layout.chips[j]!), `${layout.chips[i]!.model.name} overlaps ${layout.chips[j]!.model.name}`);
        }
      }
    });

    test("every chip lies within its cell, the cell of its model's family and posture", () => {
      for (const cell of layout.cells) {
        for (const chip of cell.chips) {
          assert.ok(contains(cell, chip), `${chip.model.name} outside its cell`);
          assert.equal(layout.columns[cell.column]!.axis.id, chip.model.family);
          assert.equal(layout.rows[cell.row]!.axis.id, chip.model.posture);
        }
      }
      assert.equal(layout.cells.reduce((sum, cell) => sum + cell.chips.length, 0), layout.chips.length);
    });

    test('columns have one width; rows fit their fullest cell, with room only for the row header', () => {
      assert.equal(new Set(layout.columns.map(column => column.width)).size, 1);
      for (const row of layout.rows) {
        const cells = layout.cells.filter(cell => cell.row === layout.rows.indexOf(row));
        const lowest = Math.max(row.y, ...cells.flatMap(cell => cell.chips.map(chip => chip.y + chip.height)));
        const slack = row.y + row.height - lowest - layout.spacing.cellPadding;
        assert.ok(slack >= 0, `${row.axis.name}: a chip sticks out`);
        const headerNeeds = Math.max(METRICS.minRowHeight, row.lines.length * METRICS.headerLine + 36);
        assert.ok(slack < 0.01 || row.height <= headerNeeds + 0.01, `${row.axis.name}: ${slack}px of slack`);
        for (const cell of cells) assert.equal(cell.height, row.height);
      }
    });

    test('chip labels fit their chips: cut with an ellipsis when the name is long', () => {
      for (const chip of layout.chips) {
        assert.ok(chip.label === chip.model.name || (chip.label.endsWith('…') && chip.model.name.startsWith(chip.label.slice(0, -1))), chip.label);
        for (const badge of chip.badges) assert.ok(badge.x >= chip.labelX && badge.x + METRICS.badge <= chip.width, `${chip.model.name}: badge outside`);
      }
    });

    test('edges connect the right chips, from side to side, and run clear of other chips', () => {
      const placed = new Set(landscape.models.map(model => model.id));
      assert.equal(layout.edges.length, landscape.lineage.filter(edge => placed.has(edge.from) && placed.has(edge.to)).length);
      for (const edge of layout.edges) {
        assert.equal(edge.from.model.id, edge.edge.from);
        assert.equal(edge.to.model.id, edge.edge.to);
        assert.ok(onBorder(edge.start, edge.from), `${edge.edge.from}: the edge starts off its chip`);
        assert.ok(onBorder(edge.end, edge.to), `${edge.edge.to}: the edge ends off its chip`);
        assert.deepEqual(edge.segments[0]!.p0, edge.start);
        assert.deepEqual(edge.segments[edge.segments.length - 1]!.p1, edge.end);
        // The real lineage is drawn without running under a third chip (random synthetic lineage may have to).
        if (name !== '60 extra cards') {
          for (const segment of edge.segments) {
            for (let t = 0.05; t < 1; t += 0.05) {
              const point = bezierAt(segment.p0, segment.c1, segment.c2, segment.p1, t);
              const under = layout.chips.find(chip => inside(point, chip, -1));
              assert.equal(under, undefined, `${edge.edge.from} → ${edge.edge.to} runs under ${under?.model.name}`);
            }
          }
        }
      }
    });

    test('the parts stack without overlapping: title, legend, grid, unplaced, all inside the picture', () => {
      assert.ok(layout.legend.y > layout.subtitleY);
      assert.ok(layout.legend.y + layout.legend.height < layout.grid.y);
      for (const item of layout.legend.items) assert.ok(contains(layout.legend, item.swatch), item.label);
      if (layout.unplaced) {
        assert.ok(layout.unplaced.y > layout.grid.y + layout.grid.height);
        const items = layout.unplaced.groups.flatMap(group => group.items);
        assert.equal(items.length, landscape.unplaced.length);
        for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) assert.ok(!overlaps(items[i]!, items[j]!));
      }
      const picture = { x: 0, y: 0, width: layout.width, height: layout.height };
      assert.ok(contains(picture, layout.grid) && contains(picture, layout.legend));
      if (layout.unplaced) assert.ok(contains(picture, layout.unplaced));
    });
  });
}

/** The chips of a parsed SVG, by model id. */
function chipsOf(svg: XmlElement): Map<string, XmlElement> {
  return new Map(descendants(svg).filter(element => hasClass(element, 'lsc-chip')).map(element => [element.attributes['data-model-id']!, element]));
}

describe('the SVG', () => {
  for (const [name, landscape] of LANDSCAPES) {
    for (const theme of ['light', 'dark', 'editor'] as const) {
      test(`is well-formed XML with the SVG namespace (${name}, ${theme})`, () => {
        const svg = parseXml(renderLandscapeSvg(landscape, { theme }));
        assert.equal(svg.name, 'svg');
        assert.equal(svg.attributes.xmlns, 'http://www.w3.org/2000/svg');
        assert.equal(svg.attributes.version, '1.1');
        assert.match(svg.attributes.viewBox ?? '', /^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
      });
    }
  }

  const text = renderLandscapeSvg(examples, { title: 'Examples' });
  const svg = parseXml(text);
  const chips = chipsOf(svg);

  test('every placed model has a chip whose tooltip starts with its full name, and says where its placement came from', () => {
    assert.equal(chips.size, examples.models.length);
    for (const model of examples.models) {
      const chip = chips.get(model.id);
      assert.ok(chip, model.name);
      const tooltip = titleOf(chip)!;
      assert.equal(tooltip.split('\n')[0], model.name);
      assert.match(tooltip, /Family: .+ \((declared in the card|suggested from the card's text.*|from the knowledge base)\)/);
      assert.match(tooltip, /Posture: .+ \(.+\)/);
      assert.match(tooltip, /Licenses: /);
      if (model.lab) assert.ok(tooltip.includes(`Lab: ${model.lab}`));
      if (model.released) assert.ok(tooltip.includes(`Released: ${model.released}`));
      const label = descendants(chip).find(element => hasClass(element, 'lsc-name'))!;
      assert.ok(model.name.startsWith(textOf(label).replace(/…$/, '')), textOf(label));
    }
  });

  test('workspace-card chips carry their card (uri, sts offset) and are focusable buttons; known models are not', () => {
    for (const model of examples.models) {
      const chip = chips.get(model.id)!;
      if (model.card) {
        assert.equal(chip.attributes['data-card-uri'], model.card.uri);
        assert.equal(chip.attributes['data-sts-offset'], model.card.stsOffset === undefined ? undefined : String(model.card.stsOffset));
        assert.equal(chip.attributes.tabindex, '0');
        assert.equal(chip.attributes.role, 'button');
        assert.ok(chip.attributes['aria-label']?.includes(model.name));
        assert.ok(hasClass(chip, 'lsc-card'));
      } else {
        assert.equal(chip.attributes['data-card-uri'], undefined);
        assert.equal(chip.attributes.tabindex, undefined);
        assert.ok(hasClass(chip, 'lsc-known'));
      }
    }
  });

  test('suggested families, postures from licenses and conflicts are marked, with what the tooltip needs', () => {
    const suggested = examples.models.find(m => m.familyFrom === 'suggested')!;
    const chip = chips.get(suggested.id)!;
    assert.ok(hasClass(chip, 'lsc-suggested'));
    assert.match(titleOf(chip)!, /confidence \d+%/);
    assert.ok(hasClass(chips.get(examples.models.find(m => m.postureFrom === 'licenses')!.id)!, 'lsc-licenses'));
    const conflicted = examples.models.find(m => m.conflicts.some(c => c.severity === 'error'))!;
    const bad = chips.get(conflicted.id)!;
    assert.ok(hasClass(bad, 'lsc-error'));
    assert.ok(descendants(bad).some(element => hasClass(element, 'lsc-badge-error') && textOf(element).endsWith('!')));
    for (const conflict of conflicted.conflicts) assert.ok(titleOf(bad)!.includes(`${conflict.code}: ${conflict.message}`), conflict.code);
  });

  test('sub-category marks appear as badges with the mark letter', () => {
    for (const model of examples.models.filter(m => m.subcategories.length > 0)) {
      const marks = descendants(chips.get(model.id)!).filter(element => hasClass(element, 'lsc-badge-mark')).map(element => textOf(element).slice(-1));
      const expected = examples.subcategories.filter(sub => model.subcategories.includes(sub.id)).map(sub => sub.mark);
      assert.deepEqual(marks, expected, model.name);
    }
  });

  test('lineage paths join the right chips: arrowheads for base models, dashes for siblings', () => {
    const edges = descendants(svg).filter(element => hasClass(element, 'lsc-edge') && element.attributes['data-from']);
    assert.equal(edges.length, examples.lineage.length);
    for (const edge of examples.lineage) {
      const drawn = edges.find(element => element.attributes['data-from'] === edge.from && element.attributes['data-to'] === edge.to)!;
      assert.ok(drawn, `${edge.from} → ${edge.to}`);
      assert.equal(drawn.attributes['marker-end'], edge.kind === 'base-model' ? 'url(#lsc-arrow)' : undefined);
      assert.ok(hasClass(drawn, edge.kind === 'base-model' ? 'lsc-edge-base' : 'lsc-edge-sibling'));
    }
    // Edges are drawn before (beneath) the chips.
    const order = descendants(svg);
    assert.ok(order.findIndex(e => hasClass(e, 'lsc-edges')) < order.findIndex(e => hasClass(e, 'lsc-chips')));
  });

  test('the legend names the chip kinds, every sub-category and the edge kinds', () => {
    const legend = descendants(svg).find(element => hasClass(element, 'lsc-legend'))!;
    const words = textOf(legend);
    for (const expected of ['Known model', 'Workspace card', 'suggested', 'weights license', 'License conflict', 'License warning', 'base model', 'Sibling']) assert.ok(words.includes(expected), expected);
    for (const sub of examples.subcategories) assert.ok(words.includes(sub.name) && words.includes(sub.mark), sub.name);
  });

  test('the Unplaced list names every unplaced model with its reason; unplaced cards can be opened too', () => {
    const list = descendants(svg).find(element => hasClass(element, 'lsc-unplaced'))!;
    assert.match(textOf(list), /Unplaced \(\d+\)/);
    const items = descendants(list).filter(element => hasClass(element, 'lsc-unplaced-item'));
    assert.equal(items.length, examples.unplaced.length);
    for (const model of examples.unplaced) {
      const item = items.find(element => element.attributes['data-unplaced-id'] === model.id)!;
      assert.ok(titleOf(item)!.startsWith(model.name) && titleOf(item)!.includes(model.reason));
      assert.equal(item.attributes['data-card-uri'], model.card?.uri);
    }
    // No unplaced model counts as a chip on the map.
    assert.ok(items.every(item => item.attributes['data-model-id'] === undefined));
    assert.equal(descendants(renderLandscape({ ...examples, unplaced: [] })).filter(e => hasClass(e, 'lsc-unplaced')).length, 0);
  });

  test('hostile names stay text: escaped, parsed back unchanged, no markup injected', () => {
    for (const name of HOSTILE) {
      const model = examples.models.find(m => m.name === name);
      assert.ok(model, name);
      assert.equal(titleOf(chips.get(model.id)!)!.split('\n')[0], name);
    }
    assert.ok(!text.includes('<script'));
    assert.ok(!/<[^>]*\bon\w+=/.test(text), 'no event-handler attributes');
    assert.equal(descendants(svg).filter(element => element.name === 'script' || element.name === 'foreignObject').length, 0);
    // Control characters XML forbids are replaced, not written.
    const control = { ...examples, models: examples.models.map((m, i) => i === 0 ? { ...m, name: 'bell\u0007 and \uFFFE' } : m) };
    assert.doesNotThrow(() => parseXml(renderLandscapeSvg(control)));
  });

  test('is self-contained: no external fonts, images, scripts or links', () => {
    for (const theme of ['light', 'dark', 'editor'] as const) {
      const out = renderLandscapeSvg(crowded, { theme });
      assert.ok(!/(href|src)=|@import|url\((?!#)|<image|<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i.test(out.replace(/data-card-uri="[^"]*"/g, '')), theme);
    }
  });

  test("themes: 'editor' follows VS Code's CSS variables with fallbacks; 'light' and 'dark' are fixed palettes", () => {
    const editor = renderLandscapeSvg(examples, { theme: 'editor' });
    for (const variable of ['--vscode-editor-background, #', '--vscode-editor-foreground, #', '--vscode-focusBorder, #', '--vscode-errorForeground, #', '--vscode-editorWarning-foreground, #', '--vscode-textLink-foreground, #', '--vscode-font-family, ']) {
      assert.ok(editor.includes(`var(${variable}`), variable);
    }
    const light = renderLandscapeSvg(examples, { theme: 'light' });
    const dark = renderLandscapeSvg(examples, { theme: 'dark' });
    assert.ok(!light.includes('var(') && !dark.includes('var('));
    assert.notEqual(light, dark);
    assert.equal(light, renderLandscapeSvg(examples), 'light is the default');
    assert.match(renderLandscapeSvg(examples, { nonce: 'abc123' }), /<style nonce="abc123">/);
  });
});

function renderLandscape(landscape: Landscape): XmlElement {
  return parseXml(renderLandscapeSvg(landscape));
}

describe('the HTML page', () => {
  const html = renderLandscapeHtml(examples, { title: 'Examples & more' });

  test('holds the SVG, a title, and the models as text; no scripts, nothing external', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.ok(html.includes('<title>Examples &amp; more</title>'));
    assert.ok(!/<script/i.test(html));
    assert.ok(!/(href|src)=|@import|url\((?!#)/i.test(html));
    const svgText = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + '</svg>'.length);
    const svg = parseXml(svgText);
    assert.equal(chipsOf(svg).size, examples.models.length);
    // The page cannot open cards, so its chips are no buttons.
    assert.ok(!svgText.includes('tabindex=') && !svgText.includes('role="button"'));
    for (const model of [...examples.models, ...examples.unplaced]) assert.ok(html.includes(escapeHtml(model.name)), model.name);
    assert.ok(html.includes('Hibiki → Moshi (base model)'));
  });

  test("follows the reader's dark mode by default; a fixed theme does not", () => {
    assert.match(html, /@media \(prefers-color-scheme: dark\)/);
    assert.ok(!renderLandscapeHtml(examples, { theme: 'light' }).includes('prefers-color-scheme'));
    assert.ok(renderLandscapeHtml(examples, { theme: 'dark' }).includes('lsc-theme-dark'));
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

describe('the Markdown', () => {
  const markdown = renderLandscapeMarkdown(examples);
  const lines = markdown.split('\n');
  const table = lines.filter(line => line.startsWith('|'));
  const cells = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1);

  test('a table: one row per posture, one column per family plus the posture column', () => {
    assert.equal(table.length, examples.postures.length + 2);
    for (const line of table) assert.equal(cells(line).length, examples.families.length + 1, line);
    assert.deepEqual(cells(table[0]!).slice(1).map(cell => cell.trim()), examples.families.map(f => f.name));
  });

  test('cells list their models: workspace cards bold, marks, (suggested), ⚠ for conflicts', () => {
    const moshi = examples.models.find(m => m.id === 'moshi')!;
    assert.ok(moshi.card);
    const row = table[2 + examples.postures.findIndex(p => p.id === moshi.posture)]!;
    const cell = cells(row)[1 + examples.families.findIndex(f => f.id === moshi.family)]!;
    assert.ok(cell.includes('**Moshi**'), cell);
    assert.ok(cell.includes('Hibiki `T`'), cell);
    assert.match(markdown, /\*\*Tiny Talker\*\*[^|]*\(suggested\)/);
    const conflicted = examples.models.find(m => m.conflicts.length > 0)!;
    assert.match(markdown, new RegExp(`\\*\\*${conflicted.name}\\*\\*[^|,]*⚠`));
    for (const model of examples.models) assert.equal(table.filter(line => line.includes(model.name.replace(/[\\`*_[\]<>|~&]/g, c => `\\${c}`))).length >= 1, true, model.name);
  });

  test('lineage and unplaced follow as lists', () => {
    assert.ok(lines.includes('- Hibiki → Moshi (base model)'));
    assert.ok(lines.some(line => /^- .+ ↔ .+ \(siblings\)$/.test(line)));
    const unplaced = lines.indexOf('## Unplaced');
    assert.ok(unplaced > 0);
    for (const model of examples.unplaced) assert.ok(lines.slice(unplaced).some(line => line.includes(model.name)), model.name);
  });

  test('names cannot break the table or add markup', () => {
    assert.ok(markdown.includes('a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\`'));
    assert.ok(markdown.includes('\\<script\\>alert(1)\\</script\\>'));
    const newline = { ...examples, models: examples.models.map((m, i) => i === 0 ? { ...m, name: 'two\nlines | here' } : m) };
    for (const line of renderLandscapeMarkdown(newline).split('\n').filter(l => l.startsWith('|'))) assert.equal(cells(line).length, examples.families.length + 1);
  });
});

describe('determinism', () => {
  test('the same landscape gives the same SVG, HTML and Markdown, byte for byte', () => {
    for (const [, landscape] of LANDSCAPES) {
      const copy = JSON.parse(JSON.stringify(landscape)) as Landscape;
      for (const theme of ['light', 'dark', 'editor'] as const) assert.equal(renderLandscapeSvg(landscape, { theme }), renderLandscapeSvg(copy, { theme }));
      assert.equal(renderLandscapeHtml(landscape), renderLandscapeHtml(copy));
      assert.equal(renderLandscapeMarkdown(landscape), renderLandscapeMarkdown(copy));
    }
  });

  test('an empty landscape still draws: headers, legend, no chips', () => {
    const empty: Landscape = { ...known, models: [], lineage: [], unplaced: [] };
    const svg = renderLandscape(empty);
    assert.equal(chipsOf(svg).size, 0);
    assert.ok(descendants(svg).some(element => hasClass(element, 'lsc-legend')));
    assert.equal(cellsCount(renderLandscapeMarkdown(empty)), empty.postures.length);
  });
});

function cellsCount(markdown: string): number {
  return markdown.split('\n').filter(line => line.startsWith('| **')).length;
}

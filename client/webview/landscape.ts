/**
 * The landscape view's script, in the webview: draws the landscape the extension posts with the
 * renderer the command line uses (server/src/render), following the editor's theme, and makes
 * the workspace cards' chips open their card (click, Enter or Space). Messages are checked
 * with zod both ways (client/src/landscape/messages.ts).
 */
import './zodJitless';
import { renderLandscapeSvg } from '../../server/src/render';
import { FromWebview, ToWebview } from '../src/landscape/messages';

interface VsCodeApi { postMessage(message: FromWebview): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const map = document.getElementById('map')!;
const status = document.getElementById('status')!;
// The page's CSP admits styles by this nonce only: the SVG's own <style> is written with it.
const nonce = document.querySelector('script[nonce]')?.getAttribute('nonce') ?? '';

function post(message: FromWebview): void {
  vscode.postMessage(FromWebview.parse(message));
}

function draw(message: Extract<ToWebview, { type: 'landscape' }>): void {
  const { landscape, cards } = message;
  // The renderer escapes every name it draws and writes no script; its <style> carries the page's
  // nonce, which the CSP requires of a style element parsed into the page.
  map.innerHTML = renderLandscapeSvg(landscape, { theme: 'editor', title: 'STS Landscape', nonce });
  const placedCards = landscape.models.filter(model => model.card).length;
  status.textContent = `${cards} card${cards === 1 ? '' : 's'} in the workspace (${placedCards} placed, ${landscape.unplaced.filter(model => model.card).length} unplaced) among ${landscape.models.filter(model => !model.card).length} known models. Click a highlighted chip to open its card.`;
  const drawn = [...map.querySelectorAll('[data-model-id]')];
  post({
    type: 'rendered',
    modelIds: drawn.map(chip => chip.getAttribute('data-model-id') ?? ''),
    cardUris: drawn.flatMap(chip => chip.getAttribute('data-card-uri') ?? []),
    edges: landscape.lineage.length,
    unplaced: landscape.unplaced.length,
  });
}

function openChip(target: EventTarget | null): void {
  const chip = target instanceof Element ? target.closest('[data-card-uri]') : null;
  if (!chip) return;
  const offset = Number(chip.getAttribute('data-sts-offset'));
  post({ type: 'open', uri: chip.getAttribute('data-card-uri')!, ...(Number.isInteger(offset) && offset >= 0 ? { stsOffset: offset } : {}) });
}

// The map is drawn at its natural size (names stay legible) and scrolls; "Fit to width" scales it to the view.
const fit = document.getElementById('fit')!;
fit.addEventListener('click', () => {
  const on = map.classList.toggle('fit');
  fit.setAttribute('aria-pressed', String(on));
  fit.textContent = on ? 'Actual size' : 'Fit to width';
});

map.addEventListener('click', event => openChip(event.target));
map.addEventListener('keydown', event => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    openChip(event.target);
  }
});

window.addEventListener('message', event => {
  const parsed = ToWebview.safeParse(event.data);
  if (!parsed.success) return;
  if (parsed.data.type === 'error') status.textContent = parsed.data.message;
  else draw(parsed.data);
});

post({ type: 'ready' });

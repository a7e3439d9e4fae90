/**
 * Colours of the landscape picture, as CSS on class names. 'light' and 'dark' are fixed palettes
 * for exported files; 'editor' reads the CSS variables VS Code sets in webviews (with light
 * fallbacks), so the view follows light, dark and high-contrast themes. Chip fills are tints
 * (an opacity over an opaque background rect), which works with any theme colour.
 */

export type LandscapeTheme = 'light' | 'dark' | 'editor';

export interface Palette {
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly header: string;
  readonly accent: string;
  readonly focus: string;
  readonly error: string;
  readonly warning: string;
  readonly edge: string;
  readonly badge: string;
  readonly badgeText: string;
  readonly font: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const PALETTES: Record<LandscapeTheme, Palette> = {
  light: {
    background: '#ffffff', foreground: '#1f2328', muted: '#59636e', grid: '#d1d9e0', header: '#f6f8fa',
    accent: '#0969da', focus: '#0969da', error: '#cf222e', warning: '#b35900', edge: '#8250df',
    badge: '#59636e', badgeText: '#ffffff', font: FONT,
  },
  dark: {
    background: '#0d1117', foreground: '#e6edf3', muted: '#9198a1', grid: '#3d444d', header: '#151b23',
    accent: '#4493f8', focus: '#4493f8', error: '#f85149', warning: '#d29922', edge: '#ab7df8',
    badge: '#9198a1', badgeText: '#0d1117', font: FONT,
  },
  editor: {
    background: 'var(--vscode-editor-background, #ffffff)',
    foreground: 'var(--vscode-editor-foreground, #1f1f1f)',
    muted: 'var(--vscode-descriptionForeground, #616161)',
    grid: 'var(--vscode-editorWidget-border, var(--vscode-panel-border, #c8c8c8))',
    header: 'var(--vscode-editorWidget-background, #f3f3f3)',
    accent: 'var(--vscode-textLink-foreground, #006ab1)',
    focus: 'var(--vscode-focusBorder, #0090f1)',
    error: 'var(--vscode-errorForeground, #e51400)',
    warning: 'var(--vscode-editorWarning-foreground, #bf8803)',
    edge: 'var(--vscode-charts-purple, #652d90)',
    badge: 'var(--vscode-badge-background, #616161)',
    badgeText: 'var(--vscode-badge-foreground, #ffffff)',
    font: `var(--vscode-font-family, ${FONT})`,
  },
};

/**
 * The style sheet for a palette. `scope` prefixes every selector: the HTML page uses it to
 * override the colours under `prefers-color-scheme: dark`.
 */
export function themeCss(p: Palette, scope = ''): string {
  const s = (selector: string) => selector.split(',').map(part => `${scope}${part.trim()}`).join(', ');
  const rules: [string, string][] = [
    ['.lsc', `font-family: ${p.font}; font-size: 12px`],
    ['.lsc-bg, .lsc-chip-bg', `fill: ${p.background}`],
    ['.lsc text', `fill: ${p.foreground}`],
    ['.lsc-title', 'font-size: 20px; font-weight: 600'],
    ['.lsc .lsc-muted', `fill: ${p.muted}`],
    ['.lsc-legend-box', `fill: ${p.header}; stroke: ${p.grid}`],
    ['.lsc-group-label, .lsc-head, .lsc-unplaced-heading', 'font-weight: 600'],
    ['.lsc-head', 'font-size: 13px'],
    ['.lsc-unplaced-heading', 'font-size: 14px'],
    ['.lsc-head-bg', `fill: ${p.header}`],
    ['.lsc-band', `fill: ${p.foreground}; fill-opacity: 0.035`],
    ['.lsc-rule', `stroke: ${p.grid}; stroke-width: 1; fill: none`],
    ['.lsc-chip-box', `fill: ${p.foreground}; fill-opacity: 0.06; stroke: ${p.foreground}; stroke-opacity: 0.4; stroke-width: 1`],
    ['.lsc-card .lsc-chip-box', `fill: ${p.accent}; fill-opacity: 0.14; stroke: ${p.accent}; stroke-opacity: 1; stroke-width: 2`],
    ['.lsc-card-bar', `fill: ${p.accent}`],
    ['.lsc-card .lsc-name', 'font-weight: 600'],
    ['.lsc-suggested .lsc-chip-box', `stroke: ${p.accent}; stroke-opacity: 1; stroke-dasharray: 4 3; stroke-width: 1.5`],
    ['.lsc-error .lsc-chip-box', `fill: ${p.error}; fill-opacity: 0.15; stroke: ${p.error}; stroke-opacity: 1; stroke-width: 2`],
    ['.lsc-warning .lsc-chip-box', `fill: ${p.warning}; fill-opacity: 0.15; stroke: ${p.warning}; stroke-opacity: 1; stroke-width: 2`],
    ['.lsc-licenses-mark', `stroke: ${p.foreground}; stroke-opacity: 0.55; stroke-width: 1.2; stroke-dasharray: 1.5 2; fill: none`],
    ['.lsc-badge-mark rect', `fill: ${p.badge}`],
    ['.lsc-badge-suggested rect', `fill: ${p.accent}`],
    ['.lsc-badge-error circle', `fill: ${p.error}`],
    ['.lsc-badge-warning circle', `fill: ${p.warning}`],
    ['.lsc .lsc-badge text', `fill: ${p.badgeText}; font-size: 9.5px; font-weight: 700`],
    ['.lsc-edge', 'fill: none; stroke-width: 1.6'],
    ['.lsc-edge-base', `stroke: ${p.edge}`],
    ['.lsc-edge-sibling', `stroke: ${p.muted}; stroke-dasharray: 5 3`],
    ['.lsc-arrowhead', `fill: ${p.edge}`],
    ['.lsc-edges .lsc-edge:hover', 'stroke-width: 3'],
    ['.lsc-reason', 'font-style: italic'],
    ['.lsc-unplaced-box', `fill: none; stroke: ${p.grid}; stroke-width: 1`],
    ['.lsc-unplaced-item.lsc-card .lsc-unplaced-box', `stroke: ${p.accent}; stroke-width: 1.5`],
    ['.lsc [data-card-uri]', 'cursor: pointer'],
    ['.lsc [data-card-uri]:hover .lsc-chip-box, .lsc [data-card-uri]:hover .lsc-unplaced-box', `stroke-width: 3`],
    ['.lsc [tabindex]:focus', 'outline: none'],
    ['.lsc [tabindex]:focus .lsc-chip-box, .lsc [tabindex]:focus .lsc-unplaced-box', `stroke: ${p.focus}; stroke-width: 3; stroke-dasharray: none`],
  ];
  return rules.map(([selector, body]) => `${s(selector)} { ${body} }`).join('\n');
}

/**
 * One renderer for the landscape picture, shared by the VS Code webview and the command line:
 * pure TypeScript (no DOM, no Node APIs), so it bundles into both.
 */
export { renderLandscapeSvg } from './landscapeSvg';
export type { LandscapeSvgOptions } from './landscapeSvg';
export { renderLandscapeHtml } from './landscapeHtml';
export type { LandscapeHtmlOptions } from './landscapeHtml';
export { renderLandscapeMarkdown } from './landscapeMarkdown';
export type { LandscapeTheme } from './landscapeTheme';

/**
 * The hover of a value that points somewhere (`license_link`, `sts.consent.policy_link`). A web
 * URL becomes a Markdown link, which the editor opens only when the user clicks it; anything else
 * (a path in the model repository, a `file:` URL, a home-relative path) is shown as code, so a
 * card can never turn a hover into a link to a local file. Nothing is fetched or read here.
 */
import { code, link, paragraphs } from './markdown';

const LABELS: Readonly<Record<string, string>> = {
  'license_link': 'License text',
  'sts.consent.policy_link': 'Consent policy',
};

export function isLinkKey(pattern: string): boolean {
  return Object.hasOwn(LABELS, pattern);
}

export function linkValueMarkdown(pattern: string, value: string): string {
  const label = LABELS[pattern] ?? 'Link';
  const url = webUrl(value);
  if (url) return paragraphs(`**${label}:** ${link(url, url)}`, 'Opened in your browser when you click it; this extension never fetches it.');
  return paragraphs(`**${label}:** ${code(value)}`, 'Not a web URL: on the Hub, a path in the model repository. Shown as written; this extension does not open or read it.');
}

/** The normalised URL when `value` is an absolute http(s) URL (WHATWG parsing), else undefined. */
function webUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

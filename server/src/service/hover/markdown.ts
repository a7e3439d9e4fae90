/** Small Markdown helpers for hovers: escaping, code spans, links, the source line. */
import type { Source } from '../../knowledge/schema';

/** Escapes text read from the knowledge base or a card so that it renders as written. */
export function text(value: string): string {
  return value.replace(/[\\`*_[\]<>#|~]/g, character => `\\${character}`).replace(/\s+/g, ' ').trim();
}

/** A code span that survives backticks inside the value. */
export function code(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A link target with the characters that would end it encoded (encodeURIComponent leaves parentheses). */
function target(url: string): string {
  return url.replace(/[\s()<>]/g, character => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function link(label: string, url: string): string {
  return `[${text(label)}](${target(url)})`;
}

/** `Source: [name, section](url)`, or the name alone when the source has no URL. */
export function sourceLine(source: Source, withSection = true): string {
  const label = withSection && source.section ? `${source.name}, ${source.section}` : source.name;
  return `Source: ${source.url ? link(label, source.url) : text(label)}`;
}

/** The first `limit` items joined with commas, with how many more there are. */
export function list(items: readonly string[], limit: number): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

/** Paragraphs of a hover: blank-line separated, empty ones dropped. */
export function paragraphs(...parts: readonly (string | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n\n');
}

/** A Markdown bullet list. */
export function bullets(items: readonly string[]): string {
  return items.map(item => `- ${item}`).join('\n');
}

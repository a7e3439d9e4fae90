/**
 * Builds a text twice at once: as an LSP / VS Code snippet (tab stops `${1:default}`, mirrors `$1`,
 * choices `${2|a,b|}`, the final `$0`) and as the plain text the snippet expands to when every tab
 * stop keeps its default. Both come from the same calls, so they cannot drift apart.
 *
 * Escaping follows the snippet grammar: in text and in placeholder defaults `$`, `}` and `\` are
 * written `\$`, `\}` and `\\`; in a choice's options `,`, `|` and `\` are escaped.
 */

export interface SnippetText {
  /** The snippet, for an editor's snippet insertion. */
  readonly snippet: string;
  /** What the snippet gives when every tab stop keeps its default. */
  readonly text: string;
}

const escapeText = (value: string) => value.replace(/[\\$}]/g, c => `\\${c}`);
const escapeChoice = (value: string) => value.replace(/[\\,|]/g, c => `\\${c}`);

export class SnippetBuilder {
  private snippet = '';
  private text = '';
  private nextStop = 1;
  private readonly defaults = new Map<number, string>();

  /** Literal text, the same in both forms. */
  literal(value: string): this {
    this.snippet += escapeText(value);
    this.text += value;
    return this;
  }

  /** A tab stop with a default; returns its number, for `mirror`. */
  placeholder(defaultText: string): number {
    const stop = this.nextStop++;
    this.defaults.set(stop, defaultText);
    this.snippet += `\${${stop}:${escapeText(defaultText)}}`;
    this.text += defaultText;
    return stop;
  }

  /** Another place that takes whatever the user types at tab stop `stop`. */
  mirror(stop: number): this {
    const value = this.defaults.get(stop);
    if (value === undefined) throw new Error(`no tab stop ${stop} to mirror`);
    this.snippet += `$${stop}`;
    this.text += value;
    return this;
  }

  /** A tab stop that offers `options`; the first is the default. */
  choice(options: readonly string[]): number {
    if (options.length === 0) throw new Error('a choice needs at least one option');
    const stop = this.nextStop++;
    this.defaults.set(stop, options[0]);
    this.snippet += `\${${stop}|${options.map(escapeChoice).join(',')}|}`;
    this.text += options[0];
    return stop;
  }

  /** Where the cursor ends up after the last tab stop. */
  final(): this {
    this.snippet += '$0';
    return this;
  }

  build(): SnippetText {
    return { snippet: this.snippet, text: this.text };
  }
}

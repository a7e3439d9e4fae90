/**
 * Builds a text twice at once: as an LSP / VS Code snippet (tab stops `${1:default}`, mirrors `$1`,
 * choices `${2|a,b|}`, the final `$0`) and as the plain text the snippet expands to when every tab
 * stop keeps its default. Both come from the same calls, so they cannot drift apart.
 *
 * Escaping follows the snippet grammar: in text and in placeholder defaults `$`, `}` and `\` are
 * written `\$`, `\}` and `\\`; in a choice's options `,`, `|` and `\` are.
 *
 * Tab stops are numbered when the text is built: those marked `first` before the others, each
 * group in the order of the text, so the name can be the first stop wherever it stands.
 */

export interface SnippetText {
  /** The snippet, for an editor's snippet insertion. */
  readonly snippet: string;
  /** What the snippet gives when every tab stop keeps its default. */
  readonly text: string;
}

/** A tab stop, as `mirror` takes it. */
export interface TabStop {
  readonly defaultText: string;
  readonly first: boolean;
}

type Segment =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'placeholder' | 'mirror'; readonly stop: TabStop }
  | { readonly kind: 'choice'; readonly stop: TabStop; readonly options: readonly string[] }
  | { readonly kind: 'final' };

const escapeText = (value: string) => value.replace(/[\\$}]/g, c => `\\${c}`);
const escapeChoice = (value: string) => value.replace(/[\\,|]/g, c => `\\${c}`);

export class SnippetBuilder {
  private readonly segments: Segment[] = [];
  private readonly stops: TabStop[] = [];

  /** Literal text, the same in both forms. */
  literal(value: string): this {
    this.segments.push({ kind: 'text', value });
    return this;
  }

  /** A tab stop with a default. */
  placeholder(defaultText: string, options: { first?: boolean } = {}): TabStop {
    const stop = this.newStop(defaultText, options.first);
    this.segments.push({ kind: 'placeholder', stop });
    return stop;
  }

  /** Another place that takes whatever the user types at `stop`. */
  mirror(stop: TabStop): this {
    if (!this.stops.includes(stop)) throw new Error('mirror of a tab stop of another builder');
    this.segments.push({ kind: 'mirror', stop });
    return this;
  }

  /** A tab stop that offers `options`; the first is the default. */
  choice(options: readonly string[]): TabStop {
    if (options.length === 0) throw new Error('a choice needs at least one option');
    const stop = this.newStop(options[0], false);
    this.segments.push({ kind: 'choice', stop, options });
    return stop;
  }

  /** Where the cursor ends up after the last tab stop. */
  final(): this {
    this.segments.push({ kind: 'final' });
    return this;
  }

  build(): SnippetText {
    const ordered = [...this.stops.filter(s => s.first), ...this.stops.filter(s => !s.first)];
    const number = new Map(ordered.map((stop, k) => [stop, k + 1]));
    let snippet = '';
    let text = '';
    for (const segment of this.segments) {
      switch (segment.kind) {
        case 'text':
          snippet += escapeText(segment.value);
          text += segment.value;
          break;
        case 'placeholder':
          snippet += `\${${number.get(segment.stop)}:${escapeText(segment.stop.defaultText)}}`;
          text += segment.stop.defaultText;
          break;
        case 'mirror':
          snippet += `\${${number.get(segment.stop)}}`;
          text += segment.stop.defaultText;
          break;
        case 'choice':
          snippet += `\${${number.get(segment.stop)}|${segment.options.map(escapeChoice).join(',')}|}`;
          text += segment.stop.defaultText;
          break;
        case 'final':
          snippet += '$0';
          break;
      }
    }
    return { snippet, text };
  }

  private newStop(defaultText: string, first = false): TabStop {
    const stop = { defaultText, first };
    this.stops.push(stop);
    return stop;
  }
}

/**
 * Writes pretty-printed JSON whose one big array is streamed: the text is byte for byte what
 * `JSON.stringify(value, null, 2)` would give for the whole value, but the array's items are
 * written as they come instead of being held until the end. That keeps the command line's memory
 * flat however many files it checks.
 */

/** Marks, in a skeleton value, where the streamed array goes. */
export const STREAMED = '\u0000streamed\u0000';
const MARK = JSON.stringify(STREAMED);

export class JsonArrayStream {
  private count = 0;
  private readonly itemIndent: string;
  private readonly closingIndent: string;
  private readonly after: string;

  /**
   * `skeleton` is the whole value with STREAMED in place of the array; `write` gets the text in
   * order. The part after the array comes from `tail()`, called at the end, so it can hold what
   * is only known then (a summary, notifications).
   */
  constructor(skeleton: unknown, private readonly write: (text: string) => void) {
    const text = JSON.stringify(skeleton, null, 2);
    const at = text.indexOf(MARK);
    if (at < 0) throw new Error('the skeleton has no streamed array');
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const depth = text.slice(lineStart).search(/\S/);
    this.closingIndent = ' '.repeat(depth);
    this.itemIndent = ' '.repeat(depth + 2);
    this.after = text.slice(at + MARK.length);
    write(text.slice(0, at));
  }

  item(value: unknown): void {
    const json = JSON.stringify(value, null, 2).replace(/\n/g, `\n${this.itemIndent}`);
    this.write(`${this.count === 0 ? '[' : ','}\n${this.itemIndent}${json}`);
    this.count++;
  }

  /** Closes the array and writes the rest: the text after the array in `tail`, a skeleton like the first. */
  end(tail?: unknown): void {
    this.write(this.count === 0 ? '[]' : `\n${this.closingIndent}]`);
    if (tail === undefined) {
      this.write(`${this.after}\n`);
      return;
    }
    const text = JSON.stringify(tail, null, 2);
    this.write(`${text.slice(text.indexOf(MARK) + MARK.length)}\n`);
  }
}

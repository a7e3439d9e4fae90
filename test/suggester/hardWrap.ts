/**
 * Hard-wraps prose as authors do in a README or a literal YAML block: lines broken at spaces to
 * at most `width` characters, so that the result is the same Markdown document. Headings and table
 * rows are left whole (a break would end them), indentation is kept, and no line is made to start
 * with a word that would open a block there ("- ", "+ ", "# ", "> ", "| ", "1. ").
 */
const OPENS_BLOCK = /^[-*+#>|\d]/;
const LEFT_WHOLE = /^\s*[#|]/;

export function hardWrap(text: string, width: number): string {
  return text.split('\n').map(line => {
    if (LEFT_WHOLE.test(line)) return line;
    const indent = /^[ \t]*/.exec(line)![0];
    const lines: string[] = [];
    let current = indent;
    for (const word of line.slice(indent.length).split(' ')) {
      // A run of spaces gives empty words: they stay on their line, so the spaces are kept.
      if (word !== '' && current.trim() !== '' && current.length + 1 + word.length > width && !OPENS_BLOCK.test(word)) {
        lines.push(current);
        current = word;
      } else {
        current = current.trim() === '' ? current + word : `${current} ${word}`;
      }
    }
    lines.push(current);
    return lines.join('\n');
  }).join('\n');
}

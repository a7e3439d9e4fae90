/**
 * The YAML 1.2 core schema's tags with a cheaper test. To type a plain scalar, `yaml` tries each
 * tag's regular expression in turn (null, bool, three ints, three floats); most scalars of a card
 * are words ("en", "apache-2.0", prose), which all of them reject. Every one of those expressions
 * needs the scalar to be empty or to start with one of `~nNtTfF0-9+-.`, so that is checked first:
 * the answers are the same, in about 2 % less parse time (bench/README.md). The test suite
 * compares the results with the plain core schema's on every code unit and on random scalars.
 */
import type { Tags } from 'yaml';

/** The first characters that some core tag's expression accepts. */
const TYPED_SCALAR_FIRST_CHARS = '~nNtTfF0123456789+-.';

const mayBeTyped = new Uint8Array(128);
for (const ch of TYPED_SCALAR_FIRST_CHARS) mayBeTyped[ch.charCodeAt(0)] = 1;

/** A core tag's expression, asked only of scalars that may match it. */
class FirstCharacterGuard extends RegExp {
  constructor(private readonly expression: RegExp) {
    super(expression.source, expression.flags);
  }

  override test(value: string): boolean {
    if (value.length > 0) {
      const first = value.charCodeAt(0);
      if (first >= 128 || mayBeTyped[first] !== 1) return false;
    }
    return this.expression.test(value);
  }
}

let guarded: Tags | undefined;

/** For `parseDocument`'s `customTags` with the core schema: its tags, each test behind the guard. */
export function guardCoreTags(coreTags: Tags): Tags {
  // The same objects every time: `yaml` copies the list into each document's schema.
  guarded ??= coreTags.map(tag => (typeof tag === 'object' && !tag.collection && tag.test
    ? { ...tag, test: new FirstCharacterGuard(tag.test) }
    : tag));
  return guarded;
}

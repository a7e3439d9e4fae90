/** Edit distance, for "did you mean" suggestions on keys and license ids. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Two rows of the table, swapped after each row: no allocation per cell or row.
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const unit = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (unit === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    const done = previous;
    previous = current;
    current = done;
  }
  return previous[b.length];
}

/**
 * The candidate nearest to `input`, or undefined when even the nearest is too far to be a typo
 * (more than a third of the longer string, at least 2 edits allowed).
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const lowered = candidate.toLowerCase();
    // The distance is at least the difference in length: such a candidate cannot beat the best.
    if (Math.abs(lowered.length - needle.length) >= bestDistance) continue;
    const distance = editDistance(needle, lowered);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.floor(Math.max(needle.length, best.length) / 3));
  return bestDistance <= allowed ? best : undefined;
}

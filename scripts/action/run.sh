#!/usr/bin/env bash
# The GitHub Action's check step (action.yml): runs modelcard-lint once with --format sarif,
# writes the SARIF file, prints a text report derived from it, sets the step outputs, and only
# then exits, so that a later `github/codeql-action/upload-sarif` step with `if: always()` finds
# the file. Runs in the current directory (the workspace in Actions); runnable locally:
#
#   INPUT_PATHS=examples INPUT_SARIF_FILE=out.sarif scripts/action/run.sh
#
# Inputs (environment variables, set by action.yml from the action's inputs):
#   INPUT_PATHS          files, directories or globs to check, one per line (blank lines are
#                        skipped, surrounding spaces trimmed); default '.'
#   INPUT_SARIF_FILE     where to write the SARIF report; default 'modelcard-lint.sarif'
#   INPUT_CONFIG         a configuration file for every card (--config); empty: the nearest
#                        modelcards.config.yaml above each card
#   INPUT_FAIL_ON_ERROR  'true' (default): exit 1 when a card has an error; 'false': exit 0
# Outputs (appended to $GITHUB_OUTPUT when it is set):
#   sarif-file, error-count, warning-count, note-count (SARIF levels: note = information or hint)
# Exit status: 0; 1 when a diagnostic is an error and INPUT_FAIL_ON_ERROR is true; 2 for a usage
# or configuration problem (whatever INPUT_FAIL_ON_ERROR says), in which case the SARIF file is
# kept only when modelcard-lint wrote a complete one; modelcard-lint's own status otherwise.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cli="$here/../../bin/modelcard-lint.js"

fail() {
  echo "modelcard-lint action: $*" >&2
  exit 2
}

sarif_file="${INPUT_SARIF_FILE:-modelcard-lint.sarif}"
[ -n "$sarif_file" ] || sarif_file="modelcard-lint.sarif"
case "$sarif_file" in
  *$'\n'*) fail "sarif-file must be a single path" ;;
esac

case "$(printf '%s' "${INPUT_FAIL_ON_ERROR:-true}" | tr '[:upper:]' '[:lower:]')" in
  true | '') fail_on_error=true ;;
  false) fail_on_error=false ;;
  *) fail "fail-on-error must be 'true' or 'false', not '${INPUT_FAIL_ON_ERROR}'" ;;
esac

paths=()
while IFS= read -r line || [ -n "$line" ]; do
  line="${line#"${line%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  [ -n "$line" ] && paths+=("$line")
done <<< "${INPUT_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)

args=(--format sarif)
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")

[ -f "$cli" ] || fail "cannot find $cli"
mkdir -p "$(dirname "$sarif_file")" || fail "cannot create the directory of $sarif_file"

# modelcard-lint's diagnostics go to the SARIF file; its stderr (usage errors, files the
# configuration ignores) passes through. `--` keeps a path that starts with '-' a path.
node "$cli" "${args[@]}" -- "${paths[@]}" > "$sarif_file"
status=$?

# The text report and the outputs, from the SARIF file. It fails (status 3) when the file is not
# a complete SARIF log, as when modelcard-lint stopped on a usage error before writing one.
node - "$sarif_file" <<'JS'
const fs = require('node:fs');
const file = process.argv[2];
let log;
try {
  log = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`modelcard-lint action: ${file} is not a complete SARIF log (${error.message})`);
  process.exit(3);
}
const run = log.runs && log.runs[0];
if (log.version !== '2.1.0' || !run || !Array.isArray(run.results)) {
  console.error(`modelcard-lint action: ${file} is not a SARIF 2.1.0 log`);
  process.exit(3);
}
const counts = { error: 0, warning: 0, note: 0 };
const files = new Set();
for (const result of run.results) {
  const level = result.level || 'warning';
  counts[level] = (counts[level] || 0) + 1;
  const location = (result.locations && result.locations[0] && result.locations[0].physicalLocation) || {};
  const uri = (location.artifactLocation && location.artifactLocation.uri) || '?';
  const where = uri.startsWith('file:') ? require('node:url').fileURLToPath(uri) : decodeURIComponent(uri);
  files.add(where);
  const region = location.region || {};
  console.log(`${where}:${region.startLine || 1}:${region.startColumn || 1}: ${level} ${result.ruleId} ${result.message.text}`);
}
let toolErrors = 0;
for (const invocation of run.invocations || []) {
  for (const notification of invocation.toolExecutionNotifications || []) {
    if (notification.level === 'error') toolErrors++;
    console.log(`modelcard-lint: ${notification.level}: ${notification.message.text}`);
  }
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const found = run.results.length === 0
  ? 'no problems in the cards'
  : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')} in ${plural(files.size, 'file')}`;
const incomplete = toolErrors > 0 ? ` The check was incomplete: ${plural(toolErrors, 'tool error')} above.` : '';
console.log(`modelcard-lint: ${found}.${incomplete} SARIF: ${file}`);
if (process.env.GITHUB_OUTPUT) {
  fs.appendFileSync(process.env.GITHUB_OUTPUT,
    `sarif-file=${file}\nerror-count=${counts.error}\nwarning-count=${counts.warning}\nnote-count=${counts.note}\n`);
}
JS
report=$?

if [ "$report" -ne 0 ]; then
  # No usable SARIF: remove what is there rather than let upload-sarif send a broken or empty log
  # (an empty analysis would close the repository's open alerts).
  rm -f -- "$sarif_file"
  [ "$status" -ge 2 ] && exit "$status"
  exit 2
fi

case "$status" in
  0) exit 0 ;;
  1) [ "$fail_on_error" = true ] && exit 1; exit 0 ;;
  *) exit "$status" ;;
esac

/**
 * Quick fixes and "fix all" for model cards. Fixes read `diagnostic.data` and key on the stable
 * codes, never on message text. Every candidate is checked before it is offered: applied to the
 * text, the card must still parse, its diagnostic must be gone, and no new error may appear.
 */
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { KnowledgeBase } from '../../knowledge/schema';
import { DIAGNOSTIC_SOURCE, DiagnosticCode, isDiagnosticCode } from '../codes';
import { effectiveSeverity, Finding } from '../findings';
import { KnowledgeIndex } from '../knowledgeIndex';
import type { ParsedDocuments } from '../parsedDocuments';
import type { CardDocument, SeverityName, ServiceSettings } from '../types';
import { CardText, cardTextOf, hitAt, readCardText } from './cardText';
import { applyEdits, Edit, editsConflict } from './edits';
import { licenseFixes } from './licenseFixes';
import { schemaFixes } from './schemaFixes';
import { stsFixes } from './stsFixes';
import type { Fix, FixContext, FixProducers, FixTarget } from './types';

/** The kind of the source action that applies every safe fix. */
export const FIX_ALL_KIND = 'source.fixAll.modelCards';
/** The kind of every single fix. */
export const QUICK_FIX_KIND = 'quickfix';

/** What the action's `data` holds: whether `fixAll` (and `--fix`) would apply it. */
export interface CodeActionData {
  readonly safe: boolean;
  readonly code?: DiagnosticCode;
}

export interface CodeActionProvider {
  /**
   * The fixes for the given diagnostics (those of this service that touch `range`), and, when
   * a safe one is among them or `only` asks for source actions, "Fix all safe problems".
   */
  codeActions(document: CardDocument, range: Range, diagnostics: readonly Diagnostic[], context?: { readonly only?: readonly string[] }): CodeAction[];
  /** Every fix that is safe without a choice, applied until none is left, as edits of the document as given. */
  fixAll(document: CardDocument, settings?: ServiceSettings): TextEdit[];
}

export interface CodeActionProviderOptions {
  readonly knowledge: KnowledgeBase;
  /** The service's `findings`: fixes are checked against a fresh validation. */
  findings(document: CardDocument, settings?: ServiceSettings): readonly Finding[];
  /** An index the service already built, to share. */
  readonly index?: KnowledgeIndex;
  /**
   * A parse cache to take each text's parse from instead of parsing it again: best the one
   * `findings` uses, so validating a text and fixing it share one parse.
   */
  readonly documents?: ParsedDocuments;
}

const PRODUCERS: FixProducers = { ...schemaFixes, ...licenseFixes, ...stsFixes };

/** Codes about the card as a whole: the same code anywhere is the same diagnostic. */
const CARD_LEVEL: ReadonlySet<string> = new Set(['license.missing', 'sts.missing']);

/** Rounds of fix-all before it stops (each round re-validates). */
const MAX_ROUNDS = 10;

/** `code@["sts","licensing","posture"]`: which diagnostic a finding is, wherever the text moved. */
export function findingKey(ct: CardText, finding: { readonly code: string; readonly start: number }): string {
  const path = CARD_LEVEL.has(finding.code) || !ct.card ? [] : hitAt(ct.card, finding.start).path;
  return `${finding.code}@${JSON.stringify(path)}`;
}

interface Analysis {
  readonly ct: CardText;
  readonly findings: readonly { readonly finding: Finding; readonly key: string; readonly severity: SeverityName }[];
}

export function createCodeActionProvider(options: CodeActionProviderOptions): CodeActionProvider {
  const index = options.index ?? new KnowledgeIndex(options.knowledge);

  /** The document's CardText, from the shared parse when there is a cache. */
  const cardText = (document: CardDocument): CardText => options.documents
    ? cardTextOf(document.uri, options.documents.get(document))
    : readCardText(document.uri, document.getText());

  const analyze = (document: CardDocument, settings: ServiceSettings | undefined, ct = cardText(document)): Analysis => {
    const findings = options.findings(document, settings).flatMap(finding => {
      const severity = effectiveSeverity(finding, settings);
      return severity ? [{ finding, key: findingKey(ct, finding), severity }] : [];
    });
    return { ct, findings };
  };

  const fixesFor = (ct: CardText, code: DiagnosticCode, start: number, end: number, data: unknown): Fix[] => {
    const producer = PRODUCERS[code];
    if (!producer) return [];
    const target: FixTarget = {
      code, start, end,
      data: data && typeof data === 'object' ? data as Record<string, unknown> : undefined,
      hit: ct.card ? hitAt(ct.card, start) : undefined,
    };
    const context: FixContext = { ct, index };
    try {
      return producer(context, target);
    } catch {
      // A fix that cannot be computed is not offered; validation must never fail because of one.
      return [];
    }
  };

  /** The analysis after the fix, when the fix removes its diagnostic and adds no error. */
  const check = (before: Analysis, targetKey: string, edits: readonly Edit[], settings: ServiceSettings | undefined): Analysis | undefined => {
    const after = analyze(textDocument(before.ct.uri, applyEdits(before.ct.text, edits)), settings);
    if (after.findings.some(entry => entry.key === targetKey)) return undefined;
    return introducesErrors(before, after) ? undefined : after;
  };

  const fixAll = (document: CardDocument, settings?: ServiceSettings): TextEdit[] => {
    const original = document.getText();
    const composer = new EditComposer();
    let current = analyze(document, settings);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const candidates: { edits: readonly Edit[]; after: Analysis }[] = [];
      const seen = new Set<string>();
      for (const { finding, key } of current.findings) {
        const safe = fixesFor(current.ct, finding.code, finding.start, finding.end, finding.data).filter(fix => fix.safe);
        if (safe.length !== 1) continue;
        const signature = JSON.stringify(safe[0].edits);
        if (seen.has(signature)) continue;
        seen.add(signature);
        const after = check(current, key, safe[0].edits, settings);
        if (after) candidates.push({ edits: safe[0].edits, after });
      }
      candidates.sort((a, b) => a.edits[0].start - b.edits[0].start);
      const chosen: typeof candidates = [];
      for (const candidate of candidates) {
        if (!chosen.some(other => editsConflict(other.edits, candidate.edits))) chosen.push(candidate);
      }
      if (chosen.length === 0) break;
      let edits = chosen.flatMap(candidate => candidate.edits);
      let next = analyze(textDocument(document.uri, applyEdits(current.ct.text, edits)), settings);
      if (chosen.length > 1 && introducesErrors(current, next)) {
        // Fixes that are fine alone but not together: one now, the rest after re-validating.
        edits = [...chosen[0].edits];
        next = chosen[0].after;
      }
      composer.apply(edits);
      current = next;
    }
    return composer.textEdits(document, original, current.ct.text);
  };

  const codeActions = (
    document: CardDocument, range: Range, diagnostics: readonly Diagnostic[], context?: { readonly only?: readonly string[] },
  ): CodeAction[] => {
    const only = context?.only;
    const wants = (kind: string) => !only || only.some(requested => kind === requested || kind.startsWith(`${requested}.`));
    const uri = document.uri;
    const ct = cardText(document);
    let before: Analysis | undefined;
    const actions: CodeAction[] = [];
    const bySignature = new Map<string, CodeAction>();
    let anySafe = false;
    if (wants(QUICK_FIX_KIND)) {
      for (const diagnostic of diagnostics) {
        const code = String(diagnostic.code);
        if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        if (!isDiagnosticCode(code) || !PRODUCERS[code] || !touches(diagnostic.range, range)) continue;
        const start = document.offsetAt(diagnostic.range.start);
        const end = document.offsetAt(diagnostic.range.end);
        const targetKey = findingKey(ct, { code, start });
        let preferredGiven = false;
        for (const fix of fixesFor(ct, code, start, end, diagnostic.data)) {
          before ??= analyze(document, undefined, ct);
          if (!check(before, targetKey, fix.edits, undefined)) continue;
          const signature = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
          const existing = bySignature.get(signature);
          if (existing) {
            existing.diagnostics!.push(diagnostic);
            continue;
          }
          const action: CodeAction = {
            title: fix.title,
            kind: QUICK_FIX_KIND,
            diagnostics: [diagnostic],
            edit: { changes: { [uri]: fix.edits.map(edit => toTextEdit(document, edit)) } },
            data: { safe: fix.safe, code } satisfies CodeActionData,
          };
          if (fix.preferred && !preferredGiven) {
            action.isPreferred = true;
            preferredGiven = true;
          }
          anySafe ||= fix.safe;
          bySignature.set(signature, action);
          actions.push(action);
        }
      }
    }
    if (wants(FIX_ALL_KIND) && (anySafe || only !== undefined)) {
      const edits = fixAll(document);
      if (edits.length > 0) {
        actions.push({
          title: 'Fix all safe problems',
          kind: FIX_ALL_KIND,
          edit: { changes: { [uri]: edits } },
          data: { safe: true } satisfies CodeActionData,
        });
      }
    }
    return actions;
  };

  return { codeActions, fixAll };
}

/** True when `after` holds an error (or a YAML problem) that `before` did not, by code and key path. */
function introducesErrors(before: Analysis, after: Analysis): boolean {
  const tally = (analysis: Analysis) => {
    const counts = new Map<string, number>();
    let syntax = 0;
    for (const entry of analysis.findings) {
      if (entry.finding.code === 'yaml.syntax') syntax++;
      if (entry.severity === 'error') counts.set(entry.key, (counts.get(entry.key) ?? 0) + 1);
    }
    return { counts, syntax };
  };
  const was = tally(before);
  const now = tally(after);
  if (now.syntax > was.syntax) return true;
  for (const [key, count] of now.counts) if (count > (was.counts.get(key) ?? 0)) return true;
  return false;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Ranges that overlap or touch (a cursor at a diagnostic's edge asks for its fixes). */
function touches(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

function toTextEdit(document: CardDocument, edit: Edit): TextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText };
}

/** A document over plain text, for validating a candidate fix (line ends: LF, CRLF or CR). */
export function textDocument(uri: string, text: string, version = 0): CardDocument {
  let lineStarts: number[] | undefined;
  const starts = () => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === '\r' && text[i + 1] === '\n') i++;
        if (char === '\r' || char === '\n') lineStarts.push(i + 1);
      }
    }
    return lineStarts;
  };
  return {
    uri,
    version,
    getText: () => text,
    positionAt(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const lines = starts();
      let low = 0;
      let high = lines.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lines[middle] <= clamped) low = middle;
        else high = middle - 1;
      }
      return { line: low, character: clamped - lines[low] };
    },
    offsetAt(position) {
      const lines = starts();
      if (position.line >= lines.length) return text.length;
      if (position.line < 0) return 0;
      const lineEnd = position.line + 1 < lines.length ? lines[position.line + 1] : text.length;
      return Math.max(lines[position.line], Math.min(lines[position.line] + position.character, lineEnd));
    },
  };
}

/**
 * Composes rounds of edits into edits of the original text: each changed region remembers the
 * original range it replaces, and regions that a later edit touches are merged.
 */
export class EditComposer {
  private regions: { curStart: number; curEnd: number; origStart: number; origEnd: number }[] = [];

  apply(edits: readonly Edit[]): void {
    for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) this.applyOne(edit);
  }

  private toOriginal(offset: number): number {
    let delta = 0;
    for (const region of this.regions) {
      if (region.curEnd <= offset) delta += (region.curEnd - region.curStart) - (region.origEnd - region.origStart);
    }
    return offset - delta;
  }

  private applyOne(edit: Edit): void {
    const touching = this.regions.filter(region => region.curStart <= edit.end && edit.start <= region.curEnd);
    const first = touching[0];
    const last = touching[touching.length - 1];
    const curStart = Math.min(edit.start, first?.curStart ?? edit.start);
    const curEnd = Math.max(edit.end, last?.curEnd ?? edit.end);
    const origStart = first && first.curStart <= edit.start ? first.origStart : this.toOriginal(edit.start);
    const origEnd = last && last.curEnd >= edit.end ? last.origEnd : this.toOriginal(edit.end);
    const delta = edit.newText.length - (edit.end - edit.start);
    const kept = this.regions.filter(region => !touching.includes(region)).map(region =>
      region.curStart >= curEnd ? { ...region, curStart: region.curStart + delta, curEnd: region.curEnd + delta } : region);
    kept.push({ curStart, curEnd: curEnd + delta, origStart, origEnd });
    this.regions = kept.sort((a, b) => a.curStart - b.curStart);
  }

  /** The regions as text edits of the original document, each trimmed to what actually differs. */
  textEdits(document: CardDocument, original: string, final: string): TextEdit[] {
    const edits: TextEdit[] = [];
    for (const region of this.regions) {
      let { origStart, origEnd, curStart, curEnd } = region;
      while (origStart < origEnd && curStart < curEnd && original[origStart] === final[curStart]) { origStart++; curStart++; }
      while (origEnd > origStart && curEnd > curStart && original[origEnd - 1] === final[curEnd - 1]) { origEnd--; curEnd--; }
      // Never split a CRLF: a position between its two characters is no position in the editor.
      if (original[origStart - 1] === '\r' && original[origStart] === '\n') { origStart--; curStart--; }
      if (original[origEnd - 1] === '\r' && original[origEnd] === '\n') { origEnd++; curEnd++; }
      if (origStart === origEnd && curStart === curEnd) continue;
      edits.push(toTextEdit(document, { start: origStart, end: origEnd, newText: final.slice(curStart, curEnd) }));
    }
    return edits;
  }
}

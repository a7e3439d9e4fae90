/**
 * Findings per document version: re-validating an unchanged document (a settings change, a
 * re-open) only re-applies severities. Findings depend on the text, the service (its knowledge
 * base), `frontMatter` and the size limit.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { CardDocument, Finding, ModelCardService, ServiceSettings, toDiagnostics } from './service';

interface Entry {
  readonly version: number;
  readonly service: ModelCardService;
  /** The settings findings depend on (severities are applied afterwards). */
  readonly frontMatter: boolean;
  readonly maxFileSizeKb: number | undefined;
  readonly findings: readonly Finding[];
}

export class DiagnosticsCache {
  private readonly entries = new Map<string, Entry>();

  diagnostics(service: ModelCardService, document: CardDocument, settings: ServiceSettings): Diagnostic[] {
    const frontMatter = settings.frontMatter !== false;
    const { maxFileSizeKb } = settings;
    let entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version || entry.service !== service || entry.frontMatter !== frontMatter || entry.maxFileSizeKb !== maxFileSizeKb) {
      entry = { version: document.version, service, frontMatter, maxFileSizeKb, findings: service.findings(document, settings) };
      this.entries.set(document.uri, entry);
    }
    return toDiagnostics(document, entry.findings, settings);
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

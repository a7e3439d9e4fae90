/**
 * A project as the command line and the language server see it: for any file, the configuration
 * that applies, the knowledge base its extensions make (built once per set of extension texts),
 * and the service over that knowledge base with the settings to pass it. The service stays pure:
 * it gets a knowledge base and plain settings.
 */
import type { KnowledgeBase } from '../knowledge/schema';
import { createModelCardService, ModelCardService, ServiceSettings } from '../service';
import type { Finding } from '../service/findings';
import { extendKnowledge, ExtendedKnowledge } from './knowledgeExtension';
import { ConfigResolver, ResolvedConfig, ResolverOptions } from './resolve';

export interface FileSetup {
  readonly config: ResolvedConfig;
  readonly service: ModelCardService;
  readonly settings: ServiceSettings;
  /** The findings of the configuration files and knowledge extensions in play, per absolute path. */
  readonly findings: ReadonlyMap<string, { readonly text: string; readonly findings: readonly Finding[] }>;
  /** The merged knowledge base and where its extension entries come from. */
  readonly knowledge: ExtendedKnowledge;
}

interface KnowledgeSet {
  readonly knowledge: ExtendedKnowledge;
  readonly service: ModelCardService;
  readonly texts: ReadonlyMap<string, string>;
}

export class Project {
  readonly resolver: ConfigResolver;
  private readonly knowledgeSets = new Map<string, KnowledgeSet>();
  /** Per configuration resolved, its knowledge set: the extension files are read once, not per card or keystroke. */
  private readonly setOfConfig = new WeakMap<ResolvedConfig, KnowledgeSet>();

  constructor(private readonly base: KnowledgeBase, private readonly options: ResolverOptions) {
    this.resolver = new ConfigResolver(options);
  }

  forFile(absPath: string): FileSetup {
    const config = this.resolver.forFile(absPath);
    let set = this.setOfConfig.get(config);
    if (!set) {
      set = this.knowledgeSetOf(config.knowledge);
      this.setOfConfig.set(config, set);
    }
    const findings = new Map(config.findings);
    for (const [file, list] of set.knowledge.findings) findings.set(file, { text: set.texts.get(file) ?? '', findings: list });
    return { config, service: set.service, settings: config.settings, findings, knowledge: set.knowledge };
  }

  /** The knowledge base the extension files make, shared by every configuration naming the same files with the same texts. */
  private knowledgeSetOf(files: readonly string[]): KnowledgeSet {
    const texts = new Map(files.map(file => [file, this.options.readFile(file) ?? '']));
    const key = [...texts].map(([file, text]) => `${file}\0${text}`).join('\0\0');
    let set = this.knowledgeSets.get(key);
    if (!set) {
      const knowledge = extendKnowledge(this.base, [...texts].map(([file, text]) => ({ file, text })));
      set = { knowledge, service: createModelCardService({ knowledge: knowledge.knowledge, origins: knowledge.origins }), texts };
      this.knowledgeSets.set(key, set);
    }
    return set;
  }

  /** The findings of a configuration file or a knowledge extension itself, as its editor shows them. */
  findingsOf(absPath: string, kind: 'config' | 'knowledge'): readonly Finding[] {
    if (kind === 'config') {
      return new ConfigResolver({ ...this.options, explicit: absPath }).forFile(absPath).findings.get(absPath)?.findings ?? [];
    }
    const text = this.options.readFile(absPath) ?? '';
    return extendKnowledge(this.base, [{ file: absPath, text }]).findings.get(absPath) ?? [];
  }

  /** Forgets every configuration and knowledge base read: after one of their files changed. */
  clear(): void {
    this.resolver.clear();
    this.knowledgeSets.clear();
  }
}

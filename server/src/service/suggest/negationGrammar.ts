/**
 * The English of negation and of clauses about other systems, as word lists: what negates or
 * sets aside a mention, what ends a clause, what turns a sentence. Grammar, not knowledge of
 * models or families, so it lives here rather than in schemas/; `negation.ts` reads with it.
 */

export const NEGATION_GRAMMAR = {
  /**
   * Verbs of building or using that, right after "not", "never" or "n't", negate their whole
   * object, however long ("We did not train a joint audio-language model with parallel audio
   * streams or with speech tokens interleaved …"), up to `negatedVerbWords` words on, in the clause.
   */
  negatedVerbs: ['use', 'uses', 'build', 'builds', 'train', 'trains', 'adopt', 'adopts', 'employ', 'employs', 'rely', 'relies',
    'need', 'needs', 'require', 'requires', 'include', 'includes', 'involve', 'involves', 'contain', 'contains', 'introduce', 'introduces',
    // "We don't fine-tune the LLM to emit speech tokens …" ("fine-tune" reads as "fine" and "tune").
    'fine', 'finetune', 'finetunes', 'retrain', 'retrains', 'emit', 'emits', 'generate', 'generates', 'produce', 'produces',
    'model', 'models', 'have', 'has', 'add', 'adds'],
  negatedVerbWords: 16,
  /** Words that, between such a verb and a mention, turn to what is done instead ("… and instead keeps two streams"). */
  insteadWords: ['instead', 'by', 'through', 'via'],
  /** Prefixes that, hyphen-joined to a mention's first word, say it is not so ("a half-duplex pipeline" is no duplex one). */
  negatingPrefixes: ['half', 'semi', 'pseudo', 'quasi'],
  /** Words (or word pairs) that negate, or set aside, what follows them. */
  cues: [
    'no', 'not', 'never', 'without', 'unlike', 'non', 'neither', 'nor', 'cannot',
    'instead of', 'rather than', 'than', 'free of', 'compared to', 'compared with', 'versus', 'vs',
    'avoid', 'avoids', 'avoiding', 'lacks', 'lacking', 'replaces', 'replacing', 'eliminates',
    'eliminating', 'eliminate', 'remove', 'removes', 'removing', 'bypass', 'bypasses', 'bypassing',
    'eschew', 'eschews', 'eschewing', 'forgo', 'forgoes', 'forgoing', 'abandon', 'abandons', 'abandoning',
    'discard', 'discards', 'discarding', 'free from', 'away from', 'away with', 'dispense with', 'rid of',
    'move beyond', 'moves beyond', 'moving beyond', 'obviate', 'obviates', 'obviating',
    'drop', 'drops', 'dropping', 'ditch', 'ditches', 'ditching', 'scrap', 'scraps', 'scrapping',
    'avoided', 'dropped', 'ditched', 'scrapped', 'removed', 'eliminated', 'bypassed', 'discarded', 'abandoned', 'eschewed',
  ],
  /**
   * Words that, after a negation cue ("no need for", "without the need for", "obviates the need
   * of"), make the rest of the clause what is not needed, however long ("There is no need for a
   * text LLM wrapped in ASR and TTS"), up to a word of `means` ("… by keeping two streams").
   */
  need: ['need for', 'need of', 'needs for'],
  /**
   * Marks that say a thing is absent, as "no" does: before a mention in its clause ("- ❌ Separate
   * ASR and TTS models", as feature lists write it) or right after it ("ASR + TTS ❌").
   */
  crossMarks: ['❌', '✗', '✘', '✖', '⛔', '🚫'],
  /** A word that, joined by a hyphen right after a mention, says it is absent ("ASR-free", "cascade-free"). */
  absenceSuffixes: ['free'],
  /** A key's whole value that says the key is absent ("ASR: no", "| Cascade | None |"). */
  absentValues: ['no', 'none'],
  /** A cue followed by one of these does not negate ("not only parallel streams"). */
  notNegating: ['not only', 'not just',
    // Not changing a part says it is there: "The one part you should not replace casually is the turn controller."
    'not replace', 'not change', 'not swap', 'not touch', 'not modify', 'not alter'],
  /** Contractions ending in n't ("doesn't", "isn't") negate like "not". */
  contraction: /n['’]t$/,
  /** Words that open a new clause: the look-back stops before them. */
  clauseOpeners: ['but', 'whereas', 'while', 'however', 'yet', 'although', 'though'],
  /**
   * Openers after which a clause may share the subject of the one before, its verb coming first
   * ("Some duplex systems keep ASR separate but go much further: they …"): unless a word of
   * `subjectStarts`, a name or a number comes right after, the clause speaks of the same subject.
   */
  sharedSubjectOpeners: ['but', 'yet'],
  subjectStarts: ['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'they', 'their', 'we', 'our', 'us', 'you', 'your',
    'he', 'she', 'each', 'every', 'both', 'either', 'neither', 'one', 'some', 'most', 'many', 'all', 'no', 'none', 'there', 'here',
    'in', 'on', 'at', 'for', 'with', 'when', 'if', 'since', 'because', 'as', 'once', 'after', 'before', 'instead', 'ours', 'theirs'],
  /** Filler words inside a negated noun phrase, not counted in the window ("without a separate codec or parallel streams"). */
  fillers: ['a', 'an', 'the', 'any', 'or', 'of', 'extra', 'separate', 'additional', 'explicit', 'external', 'dedicated'],
  /** How many counted words before a match a cue may be. */
  windowWords: 4,
  /**
   * Characters that end a clause: the look-back never crosses them (a '.' inside "12.5" is part of
   * a word). A line break ends one only where a sentence ends (`sentenceStartsAfter`): a wrapped
   * line goes on with its clause ("It does not use\ntwo parallel streams").
   */
  clauseStops: '.!?;:,()[]|—',
  /**
   * Words that, anywhere earlier in the clause, make it about other systems ("traditional cascaded
   * pipelines", "most existing models interleave…"): what such a clause describes is not the card's model.
   */
  background: ['traditional', 'traditionally', 'conventional', 'conventionally', 'existing', 'current', 'previous', 'prior', 'typical', 'typically', 'classic', 'classical', 'legacy',
    // These alone also name a design ("early fusion", "a common embedding space", "a standard
    // Transformer"), a stage, a place in the text ("as shown earlier") or the card's own model
    // ("our other models"): only before a word for others' work are they background.
    ...['early', 'earlier', 'many', 'most', 'other', 'recent', 'newer', 'several', 'some', 'standard', 'common', 'naive', 'popular', 'those', 'such',
      'widespread', 'prevalent', 'dominant', 'predominant', 'mainstream', 'closest', 'nearest', 'rival', 'competing',
      'another', 'different', 'alternative', 'usual', 'obvious', 'best', 'related'].flatMap(adjective => [
      'approach', 'approaches', 'works', 'work', 'systems', 'methods', 'models', 'attempts', 'studies', 'efforts', 'research',
      'solutions', 'design', 'designs', 'frameworks', 'pipeline', 'pipelines', 'cascade', 'cascades', 'cascaded', 'recipe', 'recipes',
      'practice', 'paradigm', 'paradigms', 'architectures', 'techniques', 'agents', 'assistants', 'stacks', 'bots', 'wave', 'waves', 'llms',
      // Who builds them: "Some labs have dropped discrete audio units", "Many teams chain …".
      'labs', 'teams', 'groups', 'vendors', 'companies', 'researchers', 'authors',
      // A design as one of the options: "the now-popular alternative of retraining …", "the common route".
      'alternative', 'alternatives', 'route', 'routes', 'way', 'ways', 'products',
    ].map(noun => `${adjective} ${noun}`)),
    // One system set beside the card's ("One well-known research model skips the codec"), not "the
    // smaller model", which may be the card's own variant; and one group of builders ("A smaller group
    // avoids discrete codes", "another lab chains …"), not "one group", which may be of codebooks.
    ...['known', 'prominent', 'famous', 'notable', 'rival', 'competing'].flatMap(adjective => [`${adjective} model`, `${adjective} system`]),
    ...['known', 'prominent', 'famous', 'notable', 'rival', 'competing', 'another', 'smaller', 'larger'].flatMap(adjective =>
      ['lab', 'team', 'group', 'camp'].map(noun => `${adjective} ${noun}`)),
    // "…; others discard discrete units": other systems, as a pronoun.
    'others'],
  /**
   * Plural nouns for a kind of system. A sentence that opens with one, bare or after words of
   * `kindModifiers` only ("Cascaded systems chain a recognizer …", "Dual-stream models have shown
   * …", "Modular voice pipelines hand a transcript to …", "Cascades with a duplex predictor …"),
   * speaks of that kind in general, not of the card's model, which a card names, or calls "our
   * model" or "it" ("Moshi models two streams" opens with a name, so not).
   */
  kindNouns: ['systems', 'models', 'pipelines', 'architectures', 'approaches', 'methods', 'agents', 'assistants', 'cascades',
    'frameworks', 'designs', 'recipes', 'solutions', 'stacks', 'llms', 'lms', 'slms', 'decoders', 'bots', 'products',
    // "The open field mostly uses one of two token-based designs: …".
    'field'],
  /**
   * Words that, before "column" or "row", point at a comparison table's other designs ("The
   * middle column describes models where …", "the right column packs …"): the card's own column is
   * named, not placed.
   */
  tablePositions: ['left', 'right', 'middle', 'first', 'second', 'third', 'fourth', 'last', 'other', 'two', 'three'],
  /** The same nouns, one of a kind, after "every" or "each" ("Nearly every speech-language model …"). */
  kindNoun: ['system', 'model', 'pipeline', 'architecture', 'approach', 'method', 'agent', 'assistant', 'cascade',
    'framework', 'design', 'recipe', 'solution', 'stack', 'llm', 'lm', 'slm', 'decoder', 'bot', 'product'],
  /**
   * Nouns for a group of systems that, after a background adjective ("Another line of work …", "A
   * different family of systems …") or "There is" ("There is a line of work where …"), and
   * before "of", open a sentence about others' work.
   */
  collections: ['line', 'lines', 'family', 'families', 'class', 'classes', 'body', 'kind', 'kinds', 'type', 'types', 'group', 'groups',
    'branch', 'branches', 'category', 'generation', 'wave', 'strand', 'thread'],
  /** Verbs that, after "there", introduce what follows it ("There are systems that …"). */
  existential: ['is', 'are', 'exist', 'exists', 'have', 'has', 'been'],
  /**
   * Nouns for a line of others' work that "There is" introduces past a few words of any kind
   * ("There is a credible research direction in which one decoder …"), before one of
   * `existentialLinks`, as the collection nouns are.
   */
  existentialNouns: ['direction', 'directions', 'route', 'routes', 'school', 'schools', 'camp', 'camps'],
  existentialLinks: ['of', 'in', 'where', 'that', 'which', 'whose'],
  /** How many words of any kind may stand before such a noun after "There is a". */
  existentialWords: 3,
  /** Prepositions that may open a sentence about a kind before "those" or "such" ("In those assistants, …"), or before a background adjective ("In most voice products today, …"). */
  leadingPrepositions: ['in', 'for', 'with', 'like', 'among'],
  /** Words of quantity that may open such a phrase, with "of" and "the" after them ("Plenty of recent work", "Nearly every …"). */
  quantifiers: ['plenty', 'much', 'lots', 'nearly', 'almost', 'virtually', 'every', 'each', 'all'],
  /** Words that may stand before such a noun in a sentence's opening noun phrase: the design's own words, lower-cased, a hyphenated one in its parts. */
  kindModifiers: ['cascaded', 'cascade', 'modular', 'integrated', 'joint', 'unified', 'end', 'to', 'full', 'half', 'duplex', 'dual',
    'single', 'multi', 'two', 'stream', 'streams', 'channel', 'sequence', 'interleaved', 'flattened', 'flatten', 'codec', 'codecs', 'based',
    'free', 'speech', 'text', 'audio', 'voice', 'spoken', 'conversational', 'dialogue', 'dialog', 'multimodal', 'omni', 'native',
    'parallel', 'streaming', 'pipeline', 'neural', 'token', 'tokens', 'large', 'language', 'chat', 'llm', 'open', 'source', 'packed', 'known'],
  /** The most words a sentence is read back for, to its opening noun phrase. */
  kindSentenceWords: 40,
  /** Words that, between a sentence's start and a mention, bring the card's own model in ("…, and we …", "…: the model instead …"). */
  ownWords: ['we', 'our', 'ours', 'us', 'instead', 'here'],
  /** People after "our", who are not the card's model ("the voice agents our customers ran …"). */
  ourPeople: ['customers', 'users', 'clients', 'partners', 'readers', 'community', 'competitors'],
  /** Words that, after "our", name an earlier build of the card's own, others' now whatever the tense ("Our earlier model Oriel-Speak is …"). */
  ourEarlier: ['earlier', 'older', 'old', 'earliest'],
  /** Background words that, after "our", name the card's own build as it is now ("Our current layout keeps two streams"). */
  ourNow: ['current', 'existing'],
  /** Words that, after "the" or "this", name the card's own model or work ("…: the model keeps two streams"). */
  ownNouns: ['model', 'system', 'work', 'paper', 'release', 'checkpoint'],
  /** Relative openers after which a clause describes the noun before them ("… models that alternate …"). */
  relativeOf: ['that', 'which', 'where', 'whose'],
  /** Words that say only a number or a size before a kind noun: "two models that …" may be the card's. */
  notDesign: ['two', 'single', 'multi', 'dual', 'large', 'open', 'source', 'to'],
  /**
   * How many modifiers may stand between a background adjective and its word for others' work
   * ("most full-duplex speech models", "recent end-to-end speech models": a hyphen makes words).
   */
  backgroundModifiers: 5,
  /** Words that join a list's items ("ASR, LLM and TTS"). */
  listJoins: ['and', 'or'],
  /** Words that, after a comma, open a clause of its own, not a list's next item. */
  clausePronouns: ['we', 'it', 'they', 'our', 'its', 'their', 'this', 'these', 'you', 'he', 'she'],
  /** Words that, right after a comma, go on elaborating the clause ("…, either … or …", "…, whether as …", "…, such as …", "…, as several omni models do", "…, i.e. …"). */
  elaborations: ['either', 'whether', 'such', 'as', 'including', 'namely', 'e', 'eg', 'i', 'ie'],
  /** Words that cannot be such a modifier: what follows them is not the adjective's noun phrase ("many languages and models …"). */
  notModifiers: ['and', 'or', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'that', 'which', 'is', 'are', 'was', 'were', 'be', 'can', 'will'],
  /**
   * Words that, earlier in a clause, say that what it names was tried. When the sentence then
   * turns with one of `turns` ("We experimented with flattening …, but it resulted in …"), the
   * clause names an alternative the authors dropped, not what their model does.
   */
  tried: ['tried', 'experimented', 'attempted', 'considered', 'looked', 'explored', 'evaluated', 'investigated', 'prototyped', 'thought',
    // Engineers' words: "we scoped adding a turn-state head … and shelved it", "we sketched a two-lane variant, but …".
    'scoped', 'sketched'],
  /**
   * Words that, right after the turn, point back at the alternative tried: the clause they open
   * goes on describing it ("We looked at the two-lane design but it … needs two-channel recordings").
   */
  turnPointers: ['it', 'they', 'that', 'this', 'those', 'these'],
  /** Words that, opening the next clause, turn the sentence against a tried alternative. */
  turns: ['but', 'however', 'yet'],
  /** Verbs that, after "and" opening the next clause, turn against a tried alternative as well ("We considered …, and rejected it"). */
  rejections: ['rejected', 'dropped', 'abandoned', 'discarded', 'shelved', 'ruled'],
  /** How many words after a match the look-ahead for the turn reads at most, in its clause. */
  triedWordsAfter: 16,
  /**
   * Words (or word pairs) that, anywhere in the clause, criticise what it describes ("cascaded
   * systems suffer from latency", "ASR+LLM+TTS cascades are slow", "… pipelines add latency and
   * lose paralinguistic cues", "cascades accumulate errors"). Only words that find fault: "latency"
   * alone is also what a card boasts of ("low latency").
   */
  criticism: ['suffer', 'suffers', 'suffered', 'suffering', 'drawback', 'drawbacks', 'shortcoming', 'shortcomings', 'limitation', 'limitations',
    'slow', 'slower', 'sluggish', 'cumbersome', 'brittle', 'plagued', 'hindered', 'hampered',
    'lose', 'loses', 'losing', 'incur', 'incurs', 'incurring',
    'accumulate', 'accumulates', 'accumulated', 'accumulating', 'accumulation', 'compounded', 'compounding',
    // "propagation" alone is also a gradient's ("end-to-end gradient propagation").
    'error propagation', 'errors propagate', 'propagate errors', 'propagates errors',
    ...['add', 'adds', 'adding', 'introduce', 'introduces', 'introducing', 'high', 'higher', 'extra', 'additional'].map(word => `${word} latency`)],
  /**
   * Words that, among the few before a criticism word, take the fault away: "fully end-to-end
   * systems reducing error propagation" praises, as "without adding latency" does with a negation
   * cue. Not before a noun of `faults`, which names what follows it as the faulty one
   * ("overcoming the limitations of cascaded systems").
   */
  remedies: ['reduce', 'reduces', 'reducing', 'reduced', 'mitigate', 'mitigates', 'mitigating', 'alleviate', 'alleviates', 'alleviating',
    'prevent', 'prevents', 'preventing', 'minimize', 'minimizes', 'minimizing', 'minimise', 'minimises', 'minimising', 'lower', 'lowers', 'lowering',
    'less', 'fewer', 'low', 'overcome', 'overcomes', 'overcoming', 'address', 'addresses', 'addressing', 'solve', 'solves', 'solving',
    'tackle', 'tackles', 'tackling', 'resolve', 'resolves', 'resolving', 'limit', 'limits', 'limiting', 'suppress', 'suppresses', 'suppressing'],
  /** How many words before a criticism word a remedy may be. */
  remedyWordsBefore: 3,
  /** Criticism words that name a fault of what follows them, remedied or not. */
  faults: ['drawback', 'drawbacks', 'shortcoming', 'shortcomings', 'limitation', 'limitations'],
  /**
   * Words that, between a criticism and a later mention, introduce the means of a cure ("… overcomes
   * the limitations of cascades by interleaving text and speech tokens …"): what follows them is
   * the card's own design, not the criticised one.
   */
  means: ['by', 'through', 'via'],
  /**
   * Words that say what a clause names is the usual way ("cascaded ASR-LLM-TTS systems are the
   * norm, but …", "the dominant approach chains ASR, an LLM and TTS, but …"): when the sentence
   * then turns with one of `turns`, the clause is about what others do.
   */
  /**
   * Words that put a design in the conditional: what the clause around it would have done is not
   * what the card's model does ("A single sequence holding text and speech tokens would have
   * removed …", "… an extra head that would watch audio features in short chunks and predict …").
   * Before a mention anywhere in its clause, or within `hypotheticalWordsAfter` words after it.
   */
  hypothetical: ['would'],
  /**
   * Words (or word pairs) that, before a mention anywhere in its clause, say that what it names is
   * planned, not built ("We plan to add a turn-taking predictor", "In the next version the model
   * keeps two parallel streams"): a card's roadmap is not its design. Not "will" alone, nor "will
   * release": a card about to be published says "We will release the model, which …" of its own.
   */
  plans: ['plan to', 'plans to', 'planning to', 'intend to', 'intends to', 'will add', 'will introduce',
    'future work', 'future release', 'future releases', 'future version', 'future versions', 'next release', 'next version',
    'coming soon', 'roadmap', 'forthcoming'],
  /** Words that, after a link of `plannedLinks` after a mention, say it is planned ("A duplex state head is planned", "… are on the roadmap"). */
  planned: ['planned', 'roadmap', 'forthcoming'],
  /** Links before such a word ("… is planned", "… remains on the roadmap"). */
  plannedLinks: ['is', 'are', 'remains', 'remain', 'stays', 'stay'],
  /** How many words after the link such a word may come ("… is also on our roadmap"). */
  plannedWordsAfter: 4,
  /** How many of a sentence's first words may hold a plan that the sentence falls under ("In the next version, …"). */
  planOpeningWords: 4,
  /**
   * Verbs that, right before "whether" or "if", report a question ("Some readers asked whether we
   * evaluated the codec-free route, where a decoder …"): what follows in the sentence is asked,
   * not asserted, up to `reportedQuestionWords` words on.
   */
  asking: ['ask', 'asks', 'asked', 'asking', 'wonder', 'wonders', 'wondered', 'wondering', 'know', 'unsure', 'unclear'],
  reportedQuestionWords: 40,
  hypotheticalWordsAfter: 2,
  prevalent: ['norm', 'common', 'popular', 'mainstream', 'dominant', 'dominate', 'dominates', 'prevalent', 'prevailing', 'widespread', 'ubiquitous', 'customary'],
  /**
   * Words that open a clause of contrast or comparison ("unlike cascaded systems in which the LLM
   * only sees text, …", "it outperforms models built on …"): what that clause says is about the
   * systems set against the card's model, however far into it. Pairs must come in that order
   * ("rather than"); single words anywhere before.
   */
  contrast: ['unlike', 'versus', 'vs', 'contrast', 'opposed', 'compared', 'compare', 'compares', 'comparing', 'comparison', 'baseline', 'baselines',
    'outperform', 'outperforms', 'outperforming', 'surpass', 'surpasses', 'surpassing', 'rather than', 'instead of', 'different from', 'differs from', 'counterpoint',
    'decided against', 'decide against', 'decides against', 'opted against', 'chose against',
    // "Readers sometimes confuse it with interleaved omni assistants, which …".
    'confuse', 'confuses', 'mistake', 'mistakes', 'mistaken',
    'difference from', 'differences from'],
  /**
   * Words that, opening a sentence, make its first clause one of contrast ("Whereas Moshi models
   * two streams, ours interleaves …"). Only there: inside a sentence they may introduce the
   * card's own model as well ("Moshi models two streams, whereas ours interleaves …").
   */
  sentenceContrast: ['whereas', 'while', 'where'],
  /** A clause that opens with one of these continues the clause before it ("Moshi, which models…"). */
  relativeOpeners: ['which', 'that', 'where', 'whose', 'who', 'such as', 'e', 'eg', 'including'],
  /** The most words a contrast clause, with its relative clauses, is read back for. */
  contrastWordsBefore: 32,
  /** How many words before a match the background and criticism look-back reads at most, in its clause. */
  clauseWordsBefore: 24,
  /** How many words after it the criticism look-ahead reads at most ("cascaded systems suffer"). */
  clauseWordsAfter: 12,
  /**
   * Words that, negated after a mention in its clause, say that what is named is not supported
   * or offered ("Moshi GGUF files are not supported", "Moshi-based models aren't available"):
   * the sentence is about tools or releases, not about what the card's model derives from.
   */
  unsupported: ['supported', 'available', 'compatible', 'included', 'provided', 'released', 'planned', 'used'],
  /**
   * Words that, negated after a concept in its clause, say the design it names is not part of the
   * card's model ("parallel streams are not used here", "no ASR stage is needed").
   */
  notUsed: ['used', 'needed', 'required', 'involved', 'employed', 'adopted', 'necessary'],
  /**
   * Words that, after a concept in its clause and with no negation before them, say the design
   * it names was left out ("the cascade is avoided", "separate TTS modules are unnecessary").
   */
  /**
   * Verbs of replacing, and the words that, after the mention, name what replaced it: "replace
   * interleaved token packing with continuous I/O", "swapped the cascade for one model". What is
   * replaced is set aside; so is what a design moved away from: "switched from a cascade to …".
   */
  replacing: ['replace', 'replaces', 'replaced', 'replacing', 'swap', 'swaps', 'swapped', 'swapping'],
  replacedBy: ['with', 'by', 'for'],
  leaving: ['switch', 'switches', 'switched', 'switching', 'move', 'moves', 'moved', 'moving', 'migrate', 'migrates', 'migrated', 'migrating', 'went'],
  leftOut: ['avoided', 'eliminated', 'removed', 'discarded', 'abandoned', 'omitted', 'bypassed', 'unnecessary', 'unneeded', 'unused'],
  /** How many words after a concept a negated use or a leaving out may end. */
  deniedWordsAfter: 6,
  /**
   * Words that join another clause or predicate ("… and the result is not available"): the
   * look-ahead for a negated support word stops at them, as at clause and relative openers.
   */
  coordinators: ['and', 'or'],
  /** How many words after a mention a negated support word may end. */
  unsupportedWordsAfter: 6,
  /**
   * Words that, after "as" or "for" later in a mention's clause, cast what is named as something
   * to compare with ("We use the official implementation of Moshi as a baseline"); "than ours"
   * there does too.
   */
  comparisonRoles: ['baseline', 'baselines', 'comparison'],
  /** Words that may stand between "as" and such a role ("as our strong baseline"), with the fillers. */
  roleFillers: ['our', 'strong'],
  /** Words after "than" that name the card's own model ("slower than ours"). */
  ours: ['ours', 'our', 'us'],
} as const;

/**
 * The English of how a sentence relates to the sentences before it, as word lists: what points
 * back, what opens a design history or announces other designs, how a sentence's tense is read.
 * Grammar, not knowledge of models or families, so it lives here rather than in schemas/;
 * `discourse.ts` reads with it (the negation and clause lists are `negationGrammar.ts`).
 */

/** Words for a build before the card's model (`earlierWords`, `namedOthers.earlier`). */
const EARLIER_WORDS = ['earlier', 'earliest', 'previous', 'original', 'old', 'older', 'prior'] as const;

export const DISCOURSE_GRAMMAR = {
  /**
   * Words (or word pairs) that open a sentence by pointing back at what the sentence before spoke
   * of ("They tokenize speech …", "In that design a single decoder …", "It was easy to inspect"):
   * after a sentence about other systems, such a sentence is about them too (discourse.ts).
   */
  pointingBack: ['they', 'it', 'its', 'their', 'them', 'those', 'these', 'such', 'this', 'that', 'both', 'either', 'neither', 'another',
    'in such', 'in that', 'in this', 'in those', 'in these', 'for such', 'for those', 'with such', 'with those', 'like those', 'like these',
    // One of the kinds just named: "Integrated speech models handle this better. One kind writes …; another drops …".
    'one kind', 'one type', 'one class', 'one family', 'one line', 'one approach', 'one camp', 'the other', 'the former', 'the latter',
    // "Two strands of recent work … In one, a single transformer …".
    'in one',
    // Some of those just named: "Some feed codec tokens …; others flatten …". (Each of the designs a
    // sentence announced, by its place, is `ordinalPointers`.)
    'some', 'others'],
  /**
   * A sentence that opens by announcing other designs, a count and then within
   * `announcedWords` words one of `announcedNouns` ("Two baselines appear in our evaluation.",
   * "Two alternative architectures were evaluated and set aside."), is about other systems
   * though it says "our": the sentences that point back after it ("The first …", "The second …")
   * describe them. Not variants, versions or models, which may be the card's own.
   */
  announcedCounts: ['two', 'three', 'four', 'several'],
  announcedNouns: ['baselines', 'alternatives', 'neighbours', 'neighbors', 'architectures', 'designs', 'approaches', 'options',
    'routes', 'recipes', 'setups', 'competitors',
    // "… fall into three camps.", "Three architectural bets dominate …", "Two layouts dominate."
    // Not "strategies", which a card adopts ("Three key strategies are adopted …").
    'camps', 'bets', 'families', 'schools', 'paradigms', 'layouts', 'lineages',
    // "Two strands of recent work aim at …".
    'strands', 'threads'],
  announcedWords: 3,
  /** Words that point back at one of the designs announced, though sentences about the card's model came between ("The second is …"). */
  ordinalPointers: ['the first', 'the second', 'the third', 'the last', 'the other', 'the oldest', 'one is', 'one was'],
  /** How many first words of a sentence may hold a kind of system as its subject ("Packed-sequence models grow …"), to describe a design announced. */
  kindSubjectWords: 4,
  /**
   * Nouns that, after "The first", "The second" …, say the words count something else than the
   * designs announced ("The first stage encodes speech …", "the second half of the block").
   */
  notOrdinalNouns: ['stage', 'stages', 'step', 'steps', 'phase', 'phases', 'layer', 'layers', 'half', 'part', 'parts', 'time',
    'round', 'rounds', 'epoch', 'epochs', 'block', 'blocks', 'chunk', 'chunks', 'frame', 'frames', 'token', 'tokens', 'pass',
    'turn', 'turns', 'codebook', 'codebooks', 'sentence', 'paragraph', 'section', 'table', 'figure', 'row', 'column', 'level', 'levels'],
  /** How far into a sentence its count of designs may come ("Full-duplex speech models mostly follow one of two integrated recipes."). */
  announcedCountWords: 10,
  /**
   * An earlier build of the card's own model, as a design history opens ("The first Thistle
   * prototype was a single-stream model.", "Our first attempt was one."): a word of
   * `earlierWords`, then within `earlierBuildWords` words a noun of `builds`, among a sentence's
   * first `historyOpeningWords` words, in a sentence told in the past (discourse.ts). The
   * sentences told in the past after it, in its paragraph, go on with that history.
   */
  earlierWords: ['first', 'initial', ...EARLIER_WORDS],
  builds: ['prototype', 'prototypes', 'version', 'versions', 'build', 'builds', 'release', 'model', 'attempt', 'attempts',
    'iteration', 'design', 'system', 'generation', 'implementation', 'pipeline', 'draft', 'variant', 'variants',
    // Engineers' words: "The old branch put text and speech units into one sequence".
    'branch', 'approach', 'stack', 'setup', 'path',
    // What a lab shipped before: "Corvid Labs' first voice assistant, released eighteen months ago, was a relay race."
    'assistant', 'product'],
  /** Words that, before a noun of `builds`, point at a build just named, in a sentence told in the past ("We built that variant in 2025."). */
  thatBuild: ['that', 'those', 'such'],
  earlierBuildWords: 3,
  historyOpeningWords: 8,
  /** Words that open a sentence told in the past about an earlier build too ("Last year we trained a single-decoder research model …", "Previously, …"). */
  historyAdverbs: ['previously', 'originally', 'formerly', 'initially'],
  /** Two-word times that open such a sentence too ("Early on we considered …", "At first, …"). */
  historyTimes: ['early on', 'at first', 'earlier this'],
  /**
   * Time units that, after "For its first" / "In the first" (and maybe a number), open such a
   * sentence ("For its first eight months the project was …"); not "For the first time, …".
   */
  historyPeriods: ['days', 'weeks', 'months', 'years', 'quarters'],
  /** The two words before "first" in such an opening. */
  historyPeriodOpeners: ['for', 'in', 'during', 'over'],
  historyPeriodOwners: ['its', 'the', 'our', 'their'],
  /** Three-word openings of such a sentence ("When we started Halvard, the plan was …"). */
  historyClauses: ['when we started', 'when we began', 'when we first'],
  /**
   * Nouns for an alternative built or tried, which, in the subject of a sentence told in the past,
   * open a history of it ("The packed variant put text and speech tokens into one sequence.").
   */
  triedBuilds: ['variant', 'variants', 'alternative', 'alternatives', 'prototype', 'prototypes', 'baseline', 'baselines'],
  /**
   * Openings of a sentence in the counterfactual, which tells of a design not built, as a history
   * tells of one dropped ("Had we instead trained the whole thing as one mixed sequence, we would
   * have …"): the first two words, or three after "if".
   */
  counterfactuals: ['had we', 'had they', 'had it', 'had the', 'had our', 'were we', 'if we had', 'if they had', 'if it had'],
  /**
   * Openings of a question that asks why an alternative was not taken ("**Why not run the user
   * and the assistant as two parallel token tracks?**"): the sentences that point back after it
   * ("That layout is elegant, but …") describe that alternative.
   */
  /** Words that make a question ask about an alternative ("And the two-channel alternative?", "Why that route and not …?"). */
  alternativeWords: ['alternative', 'alternatives', 'route', 'routes', 'instead'],
  whyNot: ['why not', 'why no', 'why don t', 'why didn t', 'why doesn t', 'why isn t', 'why aren t'],
  /** The most words of a run-in label before a colon that opens a sentence ("What changed since 1.x: Vesper 1 was …"). */
  runInLabelWords: 6,
  /** A sentence of at most `historyLabelWords` words with this word announces a history ("Some history."). */
  historyLabel: 'history',
  historyLabelWords: 3,
  /**
   * Labels of a section about other work ("## 2 Related Work", "Related work. Most voice
   * assistants …", "### Prior work: one sequence for everything", "Background and motivation."): a
   * sentence of at most `backgroundLabelWords` words that opens with one (a section number before it
   * aside) opens such a section, whose sentences describe others' work until one says "we" or
   * "our" (or until another heading). "Motivation" and "Context" may be the card's own, so not.
   * So does a section of work not done yet ("## Roadmap", "Future work: …", "## TODO"), and one
   * that points to other projects ("## See also", "## Related projects").
   */
  backgroundLabels: ['related work', 'related works', 'background', 'prior work', 'previous work', 'prior art', 'existing work',
    'related literature', 'literature review',
    'roadmap', 'todo', 'future work', 'future plans', 'future directions', 'coming soon', 'next steps',
    'see also', 'related projects', 'related repositories', 'related models', 'other projects', 'similar projects'],
  backgroundLabelWords: 8,
  /**
   * Words that set a model's name aside as another model's (namedOthers.ts): after "our" in an aside
   * or before a noun of `builds` ("Quenmar Lyrit, our earlier release", "our sibling project
   * Treskal-Ny"), an earlier build or a sibling of the card's line.
   */
  namedOthers: {
    // Not "first" or "last": the card's model may be its lab's first ("Foo-7B, our first open release, …").
    earlier: [...EARLIER_WORDS, 'predecessor', 'former'],
    siblings: ['sibling', 'siblings', 'sister', 'companion', 'other'],
    builds: ['model', 'models', 'release', 'releases', 'project', 'projects', 'system', 'systems', 'prototype', 'prototypes',
      'checkpoint', 'checkpoints', 'version', 'versions', 'product', 'products'],
  },
  /** The most words of a line that reads as a heading (no sentence punctuation at its end), which ends a section about other work. */
  headingWords: 8,
  /** First verbs that open a history of what was built before the card's design ("We prototyped one.", "We first piloted two alternatives."). */
  historyVerbs: ['prototyped', 'piloted', 'trialled', 'trialed'],
  /**
   * First verbs that open such a history for the sentences after theirs only ("We did consider
   * building a native speech model. The plan was to …"): their own sentence may turn back to the
   * card's model ("We considered fine-tuning Moshi but instead interleave …"), which `tried` reads.
   */
  trialVerbs: ['tried', 'considered', 'reviewed', 'looked', 'experimented', 'explored', 'weighed'],
  /**
   * First verbs and the word after them that open a history of what the card's model started as
   * or came from ("Linnet started as a fine-tune of …", "Odalys-Omni grew out of a speech language
   * model we published last year").
   */
  startPhrases: ['started as', 'began as', 'begun as', 'grew out', 'evolved from', 'emerged from', 'started life', 'began life'],
  /** Words that, among a sentence's first words, turn from a history to the card's model as it is ("It now keeps two streams"). */
  nowWords: ['now', 'today', 'currently', 'instead', 'since'],
  /** Such verbs after "did" ("We did consider …", "We did prototype one."). */
  historyVerbsAfterDid: ['prototype', 'pilot', 'trial'],
  trialVerbsAfterDid: ['try', 'consider', 'weigh'],
  /**
   * Words that, before a number, name a part of the text or of the training, not a release: a
   * sentence opening "Stage 1 trained …" is no earlier version's history ("Marlo 1.x generated
   * its replies as a single token sequence" is).
   */
  notReleases: ['stage', 'step', 'phase', 'table', 'figure', 'fig', 'section', 'appendix', 'round', 'epoch', 'experiment',
    'setting', 'task', 'layer', 'level', 'group', 'part', 'chapter', 'eq', 'equation', 'line', 'row', 'column', 'item', 'case', 'option', 'type', 'track'],
  /** After "last", a time ("Last year", "Last spring"). */
  lastTimes: ['year', 'month', 'spring', 'summer', 'autumn', 'fall', 'winter', 'quarter'],
  /** How a sentence is told: its first verb among its first `tenseWords` words, past or present; a word ending in "ed" is past, but for these. */
  pastWords: ['was', 'were', 'had', 'did', 'kept', 'built', 'made', 'ran', 'took', 'fed', 'sent', 'gave', 'got', 'became', 'went',
    'came', 'spoke', 'wrote', 'heard', 'held', 'led', 'put', 'felt', 'lost', 'broke', 'spent', 'began', 'chose', 'found', 'left',
    'meant', 'thought', 'taught', 'brought', 'sought', 'saw', 'knew', 'grew', 'drew', 'fell', 'told', 'sold',
    // What a design considered would have done goes on with it ("Packing … would have put …").
    'would'],
  presentWords: ['is', 'are', 'has', 'have', 'does', 'do', 'can', 'will', 'keeps', 'uses', 'runs', 'consists', 'supports', 'replaces'],
  /**
   * Past participles that, right after a history's first verb, tell what was done to a build
   * rather than what it was ("The first version was trained on …", "Foo 2 was released …"): the
   * build may be the card's own.
   */
  doneTo: ['trained', 'pretrained', 'finetuned', 'fine', 'evaluated', 'released', 'tested', 'distilled', 'tuned', 'benchmarked',
    'published', 'uploaded', 'licensed', 'quantized', 'quantised', 'converted', 'exported', 'initialized', 'initialised'],
  notPast: ['need', 'needed', 'speed', 'embed', 'feed', 'seed', 'based', 'shared', 'red', 'bed', 'proposed', 'called', 'named', 'so-called',
    // Adjectives more often than verbs: "with a fixed 1 : 2 cadence".
    'fixed'],
  tenseWords: 16,
} as const;

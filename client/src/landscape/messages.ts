/**
 * The messages between the landscape view's webview and the extension, checked with zod on
 * arrival on both sides: a webview is a web page, and what it posts is treated as untrusted input.
 */
import { z } from 'zod';

const axis = z.object({ id: z.string(), name: z.string() });
const cardLocation = z.object({ uri: z.string(), label: z.string(), stsOffset: z.number().int().nonnegative().optional() });
const source = z.enum(['declared', 'suggested', 'known', 'licenses', 'none']);

/** The landscape as the service computes it (server/src/service/landscape/types.ts). */
export const LandscapeSchema = z.object({
  version: z.literal(1),
  families: z.array(axis),
  postures: z.array(axis),
  subcategories: z.array(axis.extend({ mark: z.string() })),
  models: z.array(z.object({
    id: z.string(),
    name: z.string(),
    lab: z.string().optional(),
    card: cardLocation.optional(),
    knownId: z.string().optional(),
    family: z.string(),
    familyFrom: source,
    familyConfidence: z.number().optional(),
    familyEvidence: z.array(z.string()).optional(),
    posture: z.string(),
    postureFrom: source,
    subcategories: z.array(z.string()),
    weightsLicense: z.string().optional(),
    codeLicense: z.string().optional(),
    released: z.string().optional(),
    conflicts: z.array(z.object({ code: z.string(), severity: z.enum(['error', 'warning', 'information', 'hint']), message: z.string() })),
  })),
  lineage: z.array(z.object({ from: z.string(), to: z.string(), kind: z.enum(['base-model', 'sibling']) })),
  unplaced: z.array(z.object({
    id: z.string(), name: z.string(), card: cardLocation.optional(), knownId: z.string().optional(),
    family: z.string().optional(), posture: z.string().optional(), reason: z.string(),
  })),
});

/** Extension → webview. */
export const ToWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('landscape'), landscape: LandscapeSchema, cards: z.number().int().nonnegative() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type ToWebview = z.infer<typeof ToWebview>;

/** Webview → extension. */
export const FromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  // A click (or Enter) on a workspace card's chip: open the card at its `sts` block.
  z.object({ type: z.literal('open'), uri: z.string().max(4096), stsOffset: z.number().int().nonnegative().optional() }),
  // What the webview drew, read back from its DOM: the view's state for tests and the output channel.
  z.object({
    type: z.literal('rendered'),
    modelIds: z.array(z.string()).max(100_000),
    cardUris: z.array(z.string()).max(100_000),
    edges: z.number().int().nonnegative(),
    unplaced: z.number().int().nonnegative(),
  }),
]);
export type FromWebview = z.infer<typeof FromWebview>;

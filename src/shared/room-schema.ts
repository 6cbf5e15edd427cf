/**
 * The room's messages as zod schemas: the relay checks every message, the client every state it receives.
 *
 * Written with zod/mini, zod's tree-shakable form (functions, not methods): the audience's phones load the
 * room client over the venue's Wi-Fi, and zod's method API brings the whole library into that chunk (about
 * 20 kB gzip) where these checks need a few kB.
 */
import * as z from 'zod/mini';
import type { Handshake, LiveState, View } from './room.ts';

const index = z.int().check(z.minimum(0), z.maximum(999));

export const viewSchema = z.strictObject({
  slide: z.optional(z.string().check(z.maxLength(80), z.regex(/^[a-z][a-z0-9-]*$/))),
  h: index,
  v: index,
  f: z.int().check(z.minimum(-1), z.maximum(999)),
  paused: z.boolean(),
  overview: z.boolean(),
}) satisfies z.ZodMiniType<View>;

export const liveStateSchema = z.strictObject({
  seq: z.int().check(z.minimum(1)),
  view: viewSchema,
}) satisfies z.ZodMiniType<LiveState>;

const token = z.string().check(z.minLength(1), z.maxLength(200));

/** A presenter's or remote's navigation; the token is checked on every one. */
export const navMessageSchema = z.strictObject({ token, view: viewSchema });

/** The presenter's notes language, for the remote on the presenter's phone. Never sent to the audience. */
export const notesMessageSchema = z.strictObject({ token, lng: z.enum(['en', 'zh']) });

/** The handshake: a role, and the token for the two that drive. */
export const handshakeSchema = z.union([
  z.strictObject({ role: z.literal('audience') }),
  z.strictObject({ role: z.enum(['presenter', 'remote']), token }),
]) satisfies z.ZodMiniType<Handshake>;

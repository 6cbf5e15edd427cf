import { z } from 'zod';
import type { Handshake, LiveState, View } from './room.ts';

/** The room's messages as zod schemas: the relay checks every message, the client every state it receives. */

const index = z.number().int().min(0).max(999);

export const viewSchema = z
  .object({
    slide: z
      .string()
      .max(80)
      .regex(/^[a-z][a-z0-9-]*$/)
      .optional(),
    h: index,
    v: index,
    f: z.number().int().min(-1).max(999),
    paused: z.boolean(),
    overview: z.boolean(),
  })
  .strict() satisfies z.ZodType<View>;

export const liveStateSchema = z
  .object({ seq: z.number().int().min(1), view: viewSchema })
  .strict() satisfies z.ZodType<LiveState>;

const token = z.string().min(1).max(200);

/** A presenter's or remote's navigation; the token is checked on every one. */
export const navMessageSchema = z.object({ token, view: viewSchema }).strict();

/** The presenter's notes language, for the remote on the presenter's phone. Never sent to the audience. */
export const notesMessageSchema = z.object({ token, lng: z.enum(['en', 'zh']) }).strict();

/** The handshake: a role, and the token for the two that drive. */
export const handshakeSchema = z.union([
  z.object({ role: z.literal('audience') }).strict(),
  z.object({ role: z.enum(['presenter', 'remote']), token }).strict(),
]) satisfies z.ZodType<Handshake>;

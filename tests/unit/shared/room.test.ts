import { describe, expect, it } from 'vitest';
import { nextLiveState, parseSavedRole, roleFromSearch, sameView, type View } from '../../../src/shared/room';
import { handshakeSchema, liveStateSchema, navMessageSchema } from '../../../src/shared/room-schema';

const view: View = { slide: 'chuhai', h: 1, v: 0, f: -1, paused: false, overview: false };

describe('the room state reducer', () => {
  it('numbers the first navigation 1 and each change after it one more', () => {
    const first = nextLiveState(null, view);
    expect(first).toEqual({ seq: 1, view });
    const second = nextLiveState(first, { ...view, f: 0 });
    expect(second?.seq).toBe(2);
    expect(second?.view.f).toBe(0);
  });

  it('ignores a navigation that shows the same thing (a language switch restores the view)', () => {
    const state = nextLiveState(null, view)!;
    expect(nextLiveState(state, { ...view, slide: undefined })).toBeNull();
    expect(sameView(view, { ...view, paused: true })).toBe(false);
    expect(sameView(view, { ...view, overview: true })).toBe(false);
  });
});

describe('message validation', () => {
  it('accepts a well-formed navigation', () => {
    expect(navMessageSchema.safeParse({ token: 't', view }).success).toBe(true);
  });

  it.each([
    ['no token', { view }],
    ['a negative index', { token: 't', view: { ...view, h: -1 } }],
    ['a fractional step', { token: 't', view: { ...view, f: 0.5 } }],
    ['an extra field', { token: 't', view, lng: 'zh' }],
    ['a slide id with markup', { token: 't', view: { ...view, slide: '<img>' } }],
    ['a huge token', { token: 'x'.repeat(500), view }],
    ['a string', 'nav'],
    ['null', null],
  ])('rejects %s', (_name, message) => {
    expect(navMessageSchema.safeParse(message).success).toBe(false);
  });

  it('checks handshakes and states', () => {
    expect(handshakeSchema.safeParse({ role: 'audience' }).success).toBe(true);
    expect(handshakeSchema.safeParse({ role: 'presenter' }).success).toBe(false);
    expect(handshakeSchema.safeParse({ role: 'admin', token: 't' }).success).toBe(false);
    expect(liveStateSchema.safeParse({ seq: 0, view }).success).toBe(false);
    expect(liveStateSchema.safeParse({ seq: 3, view }).success).toBe(true);
  });
});

describe('roles from the address', () => {
  it('reads the presenter and remote tokens; anything else is the audience', () => {
    expect(roleFromSearch('?presenter=abc&lng=zh')).toEqual({ role: 'presenter', token: 'abc' });
    expect(roleFromSearch('?remote=xyz')).toEqual({ role: 'remote', token: 'xyz' });
    expect(roleFromSearch('?presenter=')).toEqual({ role: 'audience' });
    expect(roleFromSearch('?lng=en')).toEqual({ role: 'audience' });
  });

  it('restores a saved role only when it is well formed', () => {
    expect(parseSavedRole(JSON.stringify({ role: 'remote', token: 'k' }))).toEqual({
      role: 'remote',
      token: 'k',
    });
    expect(parseSavedRole(JSON.stringify({ role: 'audience', token: 'k' }))).toBeNull();
    expect(parseSavedRole(JSON.stringify({ role: 'presenter', token: 3 }))).toBeNull();
    expect(parseSavedRole('{')).toBeNull();
    expect(parseSavedRole(null)).toBeNull();
  });
});

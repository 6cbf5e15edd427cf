import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/server/store';
import type { View } from '../../../src/shared/room';

const view = (h: number, f = -1): View => ({ h, v: 0, f, paused: false, overview: false });

describe('the in-memory room state', () => {
  it('starts empty, numbers each change, and keeps the current state for late joiners', async () => {
    const store = createMemoryStore();
    expect(await store.get()).toBeNull();
    expect((await store.apply(view(1)))?.seq).toBe(1);
    expect(await store.apply(view(1))).toBeNull();
    expect((await store.apply(view(1, 0)))?.seq).toBe(2);
    expect(await store.get()).toEqual({ seq: 2, view: view(1, 0) });
  });

  it('remembers the presenter notes language', async () => {
    const store = createMemoryStore();
    expect(await store.getNotesLng()).toBeNull();
    await store.setNotesLng('zh');
    expect(await store.getNotesLng()).toBe('zh');
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  languageMessage,
  ownMoveWindowMs,
  type PreviewDeck,
  parseLanguageMessage,
  reportOwnMoves,
} from '../../../src/deck/speaker-view';

describe('the language message between the deck and the speaker view previews', () => {
  it('round-trips a language', () => {
    expect(parseLanguageMessage(languageMessage('zh'))).toBe('zh');
    expect(parseLanguageMessage(languageMessage('en'))).toBe('en');
  });
  it("ignores reveal's own messages and anything malformed", () => {
    expect(parseLanguageMessage(JSON.stringify({ namespace: 'reveal-notes', type: 'heartbeat' }))).toBeNull();
    expect(parseLanguageMessage('{"namespace":"chuhai-deck","type":"language","lng":"fr"}')).toBeNull();
    expect(parseLanguageMessage('{"namespace":"chuhai-deck",')).toBeNull();
    expect(parseLanguageMessage({ lng: 'zh' })).toBeNull();
  });
});

describe("the current-slide preview's reports to the speaker view", () => {
  type Listener = EventListenerOrEventListenerObject;
  function fakeDeck() {
    const listeners = new Map<string, Listener[]>();
    const config: { postMessageEvents?: boolean } = {};
    let indexh = 3;
    const deck: PreviewDeck = {
      configure: (options) => Object.assign(config, options),
      on: (type: string, listener: Listener) => {
        listeners.set(type, [...(listeners.get(type) ?? []), listener]);
      },
      getState: () => ({ indexh, indexv: 0, indexf: -1, paused: false, overview: false }),
    };
    const fire = (type: string, h = indexh) => {
      indexh = h;
      for (const listener of listeners.get(type) ?? []) {
        if (typeof listener === 'function') listener(new Event(type));
        else listener.handleEvent(new Event(type));
      }
    };
    return { deck, config, fire };
  }
  const sent = (spy: { mock: { calls: unknown[][] } }) =>
    spy.mock.calls.map(
      ([message]) => JSON.parse(String(message)) as { eventName: string; state: { indexh: number } },
    );

  afterEach(() => vi.restoreAllMocks());

  it("turns reveal's own reports off and passes on the handshake", () => {
    const post = vi.spyOn(window, 'postMessage').mockImplementation(() => {});
    const { deck, config, fire } = fakeDeck();
    reportOwnMoves().init(deck);
    expect(config.postMessageEvents).toBe(false);
    fire('ready');
    expect(sent(post)).toEqual([
      { namespace: 'reveal', eventName: 'ready', state: expect.objectContaining({ indexh: 3 }) },
    ]);
  });

  it('reports no move the preview was told to make, and every move right after a press in it', () => {
    const post = vi.spyOn(window, 'postMessage').mockImplementation(() => {});
    const now = vi.spyOn(performance, 'now').mockReturnValue(10_000);
    const { deck, fire } = fakeDeck();
    reportOwnMoves().init(deck);
    fire('slidechanged', 1); // the view's setState, applied late
    fire('fragmentshown');
    expect(post).not.toHaveBeenCalled();

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    fire('slidechanged', 2);
    now.mockReturnValue(10_000 + ownMoveWindowMs - 1);
    fire('fragmentshown');
    now.mockReturnValue(10_000 + ownMoveWindowMs + 1);
    fire('slidechanged', 4);
    expect(sent(post).map((m) => [m.eventName, m.state.indexh])).toEqual([
      ['slidechanged', 2],
      ['fragmentshown', 2],
    ]);
  });
});

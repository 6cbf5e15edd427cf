import type { RevealApi, RevealPlugin } from 'reveal.js';

type NotesPlugin = RevealPlugin & { open(): void };

export interface LazyNotesPlugin extends RevealPlugin {
  open(): Promise<void>;
}

/**
 * reveal.js's notes plugin (the speaker view) carries its own Markdown parser for the speaker window, about a
 * fifth of the deck's script. It is not needed to show the first slide, so it loads just after start instead:
 * `S` loads it at once if it is not there yet; `?notes` (open the speaker view on load) waits for it. The
 * speaker view's slide previews (`?receiver`) never use it.
 */
export function lazyNotesPlugin(): LazyNotesPlugin {
  let deck: RevealApi | undefined;
  let loading: Promise<NotesPlugin> | undefined;
  const load = (): Promise<NotesPlugin> => {
    loading ??= import('reveal.js/plugin/notes').then(
      ({ default: Notes }) => {
        const plugin = Notes();
        if (deck) void plugin.init?.(deck);
        return plugin;
      },
      (error: unknown) => {
        // A chunk that failed to arrive (a dropped connection) is asked for again on the next S.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  /** Opens the speaker view; if its code cannot load, says so instead of doing nothing. */
  const open = (): Promise<void> =>
    load().then(
      (plugin) => plugin.open(),
      (error: unknown) =>
        console.warn('[notes] the speaker view could not load; press S to try again.', error),
    );
  return {
    id: 'notes',
    init(instance) {
      deck = instance;
      const search = window.location.search;
      if (/receiver/i.test(search)) return undefined;
      // The notes plugin opens the view itself when the page has ?notes.
      if (/(\?|&)notes/i.test(search))
        return load().then(
          () => undefined,
          (error: unknown) => console.warn('[notes] the speaker view could not load.', error),
        );
      instance.addKeyBinding({ keyCode: 83, key: 'S', description: 'Speaker notes view' }, () => {
        void open();
      });
      // Loaded soon after start, so that a speaker view left open across a reload can reconnect. Not on a phone
      // (the article has no speaker view; S still loads it): there it would only cost the reader start-up time.
      instance.on('ready', () => {
        if (document.documentElement.classList.contains('phone-layout')) return;
        window.setTimeout(() => void load().catch(() => undefined), 300);
      });
      return undefined;
    },
    open,
  };
}

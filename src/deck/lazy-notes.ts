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
    loading ??= import('reveal.js/plugin/notes').then(({ default: Notes }) => {
      const plugin = Notes();
      if (deck) void plugin.init?.(deck);
      return plugin;
    });
    return loading;
  };
  return {
    id: 'notes',
    init(instance) {
      deck = instance;
      const search = window.location.search;
      if (/receiver/i.test(search)) return undefined;
      if (/(\?|&)notes/i.test(search)) return load().then(() => undefined);
      instance.addKeyBinding({ keyCode: 83, key: 'S', description: 'Speaker notes view' }, () => {
        void load().then((plugin) => plugin.open());
      });
      // Loaded soon after start, so that a speaker view left open across a reload can reconnect.
      instance.on('ready', () => window.setTimeout(() => void load(), 300));
      return undefined;
    },
    open: () => load().then((plugin) => plugin.open()),
  };
}

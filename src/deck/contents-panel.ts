import type { i18n } from 'i18next';

/**
 * The contents panel: every slide's title as a link; opening it focuses the slide on screen, Escape closes it.
 * Where a link leads is the reader's business (`go`), so the same panel serves the slides and the phone article.
 */
export interface ContentsPanel {
  readonly button: HTMLButtonElement;
  readonly element: HTMLElement;
  set(open: boolean): void;
  relabel(): void;
  destroy(): void;
}

export interface ContentsSource {
  /** Each slide's id and title, in order. */
  entries(): { id: string; title: string }[];
  current(): string | undefined;
  go(id: string): void;
}

export function createContentsPanel(i18n: i18n, source: ContentsSource, signal: AbortSignal): ContentsPanel {
  const doc = document;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'deck-button contents-toggle';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'deck-contents');

  const panel = doc.createElement('nav');
  panel.id = 'deck-contents';
  panel.className = 'contents-panel';
  panel.hidden = true;
  const title = doc.createElement('h2');
  title.id = 'deck-contents-title';
  panel.setAttribute('aria-labelledby', title.id);
  const list = doc.createElement('ol');
  panel.append(title, list);
  doc.body.append(panel);

  const render = () => {
    title.textContent = i18n.t('reader.contents');
    list.replaceChildren(
      ...source.entries().map(({ id, title: text }) => {
        const item = doc.createElement('li');
        const link = doc.createElement('a');
        link.href = `#/${id}`;
        link.textContent = text;
        item.append(link);
        return item;
      }),
    );
  };

  const set = (open: boolean) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (!open) return;
    render();
    const current = source.current();
    const link = list.querySelector<HTMLAnchorElement>(`a[href="#/${current}"]`) ?? list.querySelector('a');
    link?.setAttribute('aria-current', 'true');
    link?.focus();
  };

  button.addEventListener('click', () => set(panel.hidden !== false), { signal });
  panel.addEventListener(
    'click',
    (event) => {
      const link = (event.target as HTMLElement).closest('a');
      if (!link) return;
      event.preventDefault();
      set(false);
      source.go((link.getAttribute('href') ?? '').replace(/^#\//, ''));
      button.focus();
    },
    { signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && !panel.hidden) {
        event.stopPropagation();
        set(false);
        button.focus();
      }
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => {
    button.remove();
    panel.remove();
  });

  return {
    button,
    element: panel,
    set,
    relabel() {
      button.textContent = i18n.t('reader.contents');
      if (!panel.hidden) render();
    },
    destroy: () => {
      button.remove();
      panel.remove();
    },
  };
}

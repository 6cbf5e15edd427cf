import type { ChartContext } from '../../charts/types';
import { type ArticleSource, prerenderedArticle, renderArticle, SECTION, sectionFor } from './article';
import { type WidthClass, widthClassOf } from './layout-mode';
import { createPhoneCharts, type PhoneCharts } from './phone-charts';
import { createScrolly, type Scrolly, triggerAt } from './scrolly';

/**
 * The reading view on a phone: the article (./article.ts), its charts (./phone-charts.ts) and its steps
 * (./scrolly.ts), deep links, the place kept across a language switch, and a small API for whoever drives
 * the page from outside (the live room shows the presenter's slide and step with `show`).
 */

export interface PhonePosition {
  /** The slide whose section is at the top of the screen. */
  id: string;
  /** Its chart's step (0 when it has none). */
  step: number;
}

export interface PhoneView {
  readonly element: HTMLElement;
  /** Scroll to a slide, at a step: the step's caption lands just past the trigger line, so the scroll agrees. */
  show(id: string, step?: number): boolean;
  position(): PhonePosition;
  /** New language (or notes language): re-render in place, keeping the section on screen. */
  update(source: ArticleSource): void;
  /** Narration under each section on or off. */
  setNotes(on: boolean): void;
  /** Resolves when every chart that started loading has drawn its step. */
  whenIdle(): Promise<void>;
  destroy(): void;
}

export interface PhoneViewOptions {
  host: HTMLElement;
  source: ArticleSource;
  /** The deck's chart context; the view adds the width class. */
  context: () => Omit<ChartContext, 'width'>;
  /** The slide on screen changed (the reader's links follow). */
  onPosition?: (position: PhonePosition) => void;
  initialHash?: string;
  notesOn?: boolean;
}

const hashId = (hash: string): { id: string; step: number } | null => {
  const match = /^#\/([a-z][a-z0-9-]*)(?:\/(\d+))?$/.exec(hash);
  return match ? { id: match[1]!, step: Number(match[2] ?? 0) } : null;
};

export function createPhoneView(options: PhoneViewOptions): PhoneView {
  const doc = options.host.ownerDocument;
  // On a phone's first load the build has painted the first section already: take that article over in place.
  const painted = prerenderedArticle(doc);
  const article = painted ?? doc.createElement('main');
  if (painted) painted.removeAttribute('data-prerendered');
  else {
    article.className = 'phone-article';
    article.id = 'phone-article';
    options.host.before(article);
  }
  doc.documentElement.classList.add('phone-layout');

  let width: WidthClass = widthClassOf(article.clientWidth || window.innerWidth);
  const context = (): ChartContext => ({ ...options.context(), width });
  let charts: PhoneCharts | undefined;
  let scrolly: Scrolly | undefined;
  let lastId = '';
  const controller = new AbortController();
  const { signal } = controller;

  const sections = () => Array.from(article.querySelectorAll<HTMLElement>(SECTION));

  /** The section that holds the line a third of the way down the screen. */
  const sectionOnScreen = (): HTMLElement | undefined => {
    const line = window.innerHeight / 3;
    const all = sections();
    return all.find((s) => s.getBoundingClientRect().bottom > line) ?? all.at(-1);
  };

  const position = (): PhonePosition => {
    const section = sectionOnScreen();
    return { id: section?.dataset.slideId ?? '', step: section && scrolly ? scrolly.stepOf(section) : 0 };
  };

  const build = (source: ArticleSource): { charts: PhoneCharts; scrolly: Scrolly } => {
    charts?.destroy();
    scrolly?.destroy();
    renderArticle(article, source);
    const made = createPhoneCharts(article, context);
    charts = made;
    scrolly = createScrolly(article, ({ section, step, jump }) => {
      const figure = section.querySelector<HTMLElement>('figure[data-chart]');
      if (figure) made.step(figure, step, !jump);
    });
    return { charts: made, scrolly };
  };

  const scrollToY = (y: number) => window.scrollTo({ top: Math.max(0, y), behavior: 'instant' });

  /**
   * Sections skip layout until the reader nears them (phone.css), and until then take a placeholder height:
   * before measuring where a section is, lay out every section above it, so the place is exact and stays put.
   */
  const layOutTo = (section: HTMLElement): void => {
    for (const each of sections()) {
      each.classList.add('is-laid-out');
      if (each === section) break;
    }
  };

  /** Scrolls so that `id` is at the top, `step` captions past the trigger line; false for an unknown id. */
  const place = (id: string, step: number): boolean => {
    const section = sectionFor(article, id);
    if (!section) return false;
    layOutTo(section);
    const captions = section.querySelectorAll<HTMLElement>('.scrolly-step');
    const target = step > 0 ? captions[Math.min(step, captions.length) - 1] : undefined;
    if (target) {
      // The caption's top a little above the trigger line: exactly `step` captions have passed it.
      scrollToY(target.getBoundingClientRect().top + window.scrollY - window.innerHeight * triggerAt + 24);
    } else scrollToY(section.getBoundingClientRect().top + window.scrollY);
    scrolly?.sync();
    report();
    return true;
  };

  let jump = 0;
  const show = (id: string, step = 0): boolean => {
    if (!place(id, step)) return false;
    // Charts near the target mount now and take their height (the browser's scroll anchoring may move the page
    // too): once they have, land again, unless the reader has touched the page since or another jump came.
    const ticket = ++jump;
    touched = false;
    requestAnimationFrame(() =>
      window.setTimeout(() => {
        void charts?.whenIdle().then(() => {
          if (ticket === jump && !signal.aborted && !touched) place(id, step);
        });
      }),
    );
    return true;
  };
  let touched = false;
  for (const type of ['touchstart', 'wheel', 'keydown', 'pointerdown'] as const) {
    window.addEventListener(
      type,
      () => {
        touched = true;
      },
      { passive: true, signal },
    );
  }

  const report = () => {
    const now = position();
    if (!now.id) return;
    if (now.id !== lastId && window.location.hash !== `#/${now.id}`) {
      window.history.replaceState(window.history.state, '', `#/${now.id}`);
    }
    lastId = now.id;
    options.onPosition?.(now);
  };

  const first = build(options.source);
  doc.documentElement.classList.toggle('reader-notes-on', Boolean(options.notesOn));

  const landing = hashId(options.initialHash ?? window.location.hash);
  // Fonts change line heights: land once they are in, and again right away in case they already are.
  if (landing) show(landing.id, landing.step);
  else first.scrolly.sync();
  void doc.fonts?.ready.then(() => {
    // Unless the reader has moved since, land again where the link points.
    if (!signal.aborted && landing && !touched) show(landing.id, landing.step);
  });

  window.addEventListener(
    'hashchange',
    () => {
      const target = hashId(window.location.hash);
      if (target && target.id !== position().id) show(target.id, target.step);
    },
    { signal },
  );
  window.addEventListener('scrollend', report, { passive: true, signal });

  const resize = new ResizeObserver(() => {
    const next = widthClassOf(article.clientWidth);
    if (next === width) return;
    width = next;
    charts?.setContext(context());
  });
  resize.observe(article);

  return {
    element: article,
    show,
    position,
    update(source) {
      const place = sectionOnScreen();
      const id = place?.dataset.slideId;
      const box = place?.getBoundingClientRect();
      // Where in the section the screen's top is, as a fraction: the other language's section is longer or shorter.
      const fraction = box && box.height > 0 ? -box.top / box.height : 0;
      build(source);
      const again = id ? sectionFor(article, id) : null;
      if (again) {
        layOutTo(again);
        const next = again.getBoundingClientRect();
        scrollToY(next.top + window.scrollY + fraction * next.height);
      }
      scrolly?.sync();
      report();
    },
    setNotes(on) {
      const before = sectionOnScreen();
      const top = before?.getBoundingClientRect().top ?? 0;
      doc.documentElement.classList.toggle('reader-notes-on', on);
      if (before) scrollToY(before.getBoundingClientRect().top + window.scrollY - top);
    },
    whenIdle: () => charts?.whenIdle() ?? Promise.resolve(),
    destroy() {
      controller.abort();
      resize.disconnect();
      charts?.destroy();
      scrolly?.destroy();
      article.remove();
      doc.documentElement.classList.remove('phone-layout', 'reader-notes-on');
    },
  };
}

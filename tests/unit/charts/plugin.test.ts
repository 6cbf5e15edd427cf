// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chart as closures } from '../../../src/charts/closures';
import { chart as funding } from '../../../src/charts/funding';
import { createChartsPlugin, type DeckLike } from '../../../src/charts/plugin';
import type { ChartContext, ChartInstance, ChartModule, StepOptions } from '../../../src/charts/types';
import { contextFor, dataOf, deckFiles, fragmentsOnChartSlide } from './harness';

/** A stand-in for reveal: listeners, a current slide, print mode, and events to dispatch. */
class FakeDeck implements DeckLike {
  readonly listeners = new Map<string, Set<(event: Event) => void>>();
  current: HTMLElement | undefined;
  print = false;
  on(type: string, listener: (event: Event) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(listener);
  }
  off(type: string, listener: (event: Event) => void) {
    this.listeners.get(type)?.delete(listener);
  }
  getCurrentSlide() {
    return this.current;
  }
  isPrintView() {
    return this.print;
  }
  isPrintingPDF() {
    return this.print;
  }
  emit(type: string, extra: object = {}) {
    const event = Object.assign(new Event(type), extra);
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

interface Call {
  id: string;
  kind: 'mount' | 'step' | 'setContext' | 'destroy';
  step?: number;
  animate?: boolean;
  ctx?: ChartContext;
}

/** A chart that records what the plugin asks of it (and can be told to fail). */
function spyChart(id: string, calls: Call[], fail: 'none' | 'mount' | 'step' = 'none'): ChartModule {
  return {
    id,
    steps: 3,
    select: () => null,
    table: () => ({ caption: `${id} data`, head: ['Item', 'Value'], rows: [['a', '1']] }),
    mount(el, _data, ctx) {
      calls.push({ id, kind: 'mount', ctx });
      if (fail === 'mount') throw new Error('mount failed');
      const svg = el.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('class', 'chart');
      el.prepend(svg);
      const instance: ChartInstance = {
        step(n: number, opts?: StepOptions) {
          calls.push({ id, kind: 'step', step: n, animate: opts?.animate });
          return fail === 'step' ? Promise.reject(new Error('step failed')) : Promise.resolve();
        },
        setContext(next) {
          calls.push({ id, kind: 'setContext', ctx: next });
        },
        destroy() {
          calls.push({ id, kind: 'destroy' });
          svg.remove();
        },
      };
      return instance;
    },
  };
}

function slide(html: string): HTMLElement {
  const section = document.createElement('section');
  section.innerHTML = html;
  document.querySelector('.slides')?.append(section);
  return section;
}

const fragments = (shown: number, total: number) =>
  Array.from({ length: total }, (_, i) => `<p class="fragment${i < shown ? ' visible' : ''}">f${i}</p>`).join(
    '',
  );

let deck: FakeDeck;
let calls: Call[];
let ctx: ChartContext;

beforeEach(() => {
  document.body.innerHTML = '<div class="reveal"><div class="slides"></div></div>';
  delete document.documentElement.dataset.chartsPrinted;
  deck = new FakeDeck();
  calls = [];
  ctx = contextFor('en');
});

afterEach(() => {
  vi.restoreAllMocks();
});

function plugin(
  modules: Record<string, ChartModule>,
  failChart: string | null = null,
  idle: { whenIdle?: (work: () => void) => void; loaded?: string[] } = {},
) {
  const charts = createChartsPlugin({
    getContext: () => ctx,
    failChart,
    whenIdle: idle.whenIdle ?? (() => undefined),
    loadChart: (id) => {
      idle.loaded?.push(id);
      const module = modules[id];
      return module
        ? Promise.resolve({ module, data: dataOf(module) })
        : Promise.reject(new Error(`no ${id}`));
    },
  });
  charts.init(deck);
  return charts;
}

describe('charts plugin', () => {
  it('mounts the current slide’s charts at its step on ready, then follows its fragments', async () => {
    const charts = plugin({ funding: spyChart('funding', calls) });
    const current = slide(`<figure data-chart="funding"></figure>${fragments(1, 3)}`);
    deck.current = current;
    deck.emit('ready');
    await charts.whenIdle();
    const figure = current.querySelector<HTMLElement>('figure')!;
    expect(figure.dataset.chartState).toBe('ready');
    expect(figure.dataset.step).toBe('1');
    expect(calls.filter((c) => c.kind === 'step')).toEqual([
      { id: 'funding', kind: 'step', step: 1, animate: false },
    ]);

    const second = current.querySelectorAll('.fragment')[1]!;
    second.classList.add('visible');
    deck.emit('fragmentshown', { fragment: second });
    await charts.whenIdle();
    expect(calls.at(-1)).toEqual({ id: 'funding', kind: 'step', step: 2, animate: true });
    expect(figure.dataset.step).toBe('2');

    second.classList.remove('visible');
    deck.emit('fragmenthidden', { fragment: second });
    await charts.whenIdle();
    expect(figure.dataset.step).toBe('1');
  });

  it('does not animate fragments for readers who asked for reduced motion', async () => {
    ctx = contextFor('en', true);
    const charts = plugin({ funding: spyChart('funding', calls) });
    const current = slide(`<figure data-chart="funding"></figure>${fragments(0, 1)}`);
    deck.current = current;
    deck.emit('ready');
    await charts.whenIdle();
    current.querySelector('.fragment')?.classList.add('visible');
    deck.emit('fragmentshown', { fragment: current.querySelector('.fragment') });
    await charts.whenIdle();
    expect(calls.at(-1)).toMatchObject({ kind: 'step', step: 1, animate: false });
  });

  it('destroys the charts of a slide left two or more away, and lands on the new slide’s step without animating', async () => {
    const charts = plugin({ funding: spyChart('funding', calls), closures: spyChart('closures', calls) });
    const first = slide(`<figure data-chart="funding"></figure>${fragments(1, 1)}`);
    slide('<h2>between</h2>');
    const third = slide(`<figure data-chart="closures"></figure>${fragments(2, 2)}`);
    deck.current = first;
    deck.emit('ready');
    await charts.whenIdle();
    deck.current = third;
    deck.emit('slidechanged', { currentSlide: third, previousSlide: first });
    await charts.whenIdle();
    const left = first.querySelector<HTMLElement>('figure')!;
    expect(calls.filter((c) => c.kind === 'destroy').map((c) => c.id)).toEqual(['funding']);
    expect(left.querySelector('svg')).toBeNull();
    expect(left.dataset.chartState).toBeUndefined();
    expect(calls.at(-1)).toEqual({ id: 'closures', kind: 'step', step: 2, animate: false });
  });

  it('draws the charts of the slides either side when idle, each at its step, and keeps them as it arrives', async () => {
    const queue: (() => void)[] = [];
    const charts = plugin(
      { funding: spyChart('funding', calls), closures: spyChart('closures', calls) },
      null,
      { whenIdle: (work) => queue.push(work) },
    );
    const before = slide(`<figure data-chart="closures"></figure>${fragments(2, 2)}`);
    const here = slide('<h2>no chart here</h2>');
    const after = slide(`<figure data-chart="funding"></figure>${fragments(0, 1)}`);
    deck.current = here;
    deck.emit('ready');
    await charts.whenIdle();
    expect(calls).toEqual([]);
    queue.shift()?.();
    await charts.whenIdle();
    // The slide before at its last step, the one after at its first, drawn without animation.
    expect(calls.filter((c) => c.kind === 'step')).toEqual([
      { id: 'closures', kind: 'step', step: 2, animate: false },
      { id: 'funding', kind: 'step', step: 0, animate: false },
    ]);
    const drawn = after.querySelector('figure svg');
    // Arriving keeps what was drawn ahead: no second mount.
    deck.current = after;
    deck.emit('slidechanged', { currentSlide: after, previousSlide: here });
    await charts.whenIdle();
    expect(calls.filter((c) => c.kind === 'mount')).toHaveLength(2);
    expect(after.querySelector('figure svg')).toBe(drawn);
    // The slide before is now two away: its chart is freed.
    expect(before.querySelector('figure')?.dataset.chartState).toBeUndefined();
  });

  it('a language switch relabels the chart on screen and drops the ones drawn ahead', async () => {
    const queue: (() => void)[] = [];
    const charts = plugin(
      { funding: spyChart('funding', calls), closures: spyChart('closures', calls) },
      null,
      { whenIdle: (work) => queue.push(work) },
    );
    const here = slide(`<figure data-chart="closures"></figure>${fragments(1, 2)}`);
    slide(`<figure data-chart="funding"></figure>${fragments(0, 1)}`);
    deck.current = here;
    deck.emit('ready');
    queue.shift()?.();
    await charts.whenIdle();
    calls.length = 0;
    ctx = contextFor('zh');
    charts.setContext(ctx);
    await charts.whenIdle();
    expect(calls.filter((c) => c.kind !== 'step').map((c) => `${c.kind} ${c.id}`)).toEqual([
      'setContext closures',
      'destroy funding',
    ]);
    // Drawn again, in the new language, when the browser is next idle.
    queue.shift()?.();
    await charts.whenIdle();
    expect(calls.filter((c) => c.kind === 'mount').map((c) => [c.id, c.ctx?.lng])).toEqual([
      ['funding', 'zh'],
    ]);
  });

  it('relabels live charts when the language changes, keeping the same figure and instance', async () => {
    const charts = plugin({ funding: spyChart('funding', calls) });
    const current = slide(`<h2>Funding</h2><figure data-chart="funding"></figure>${fragments(1, 1)}`);
    deck.current = current;
    deck.emit('ready');
    await charts.whenIdle();
    // What the language switch does: new slide content, the live figure moved into it.
    const figure = current.querySelector('figure')!;
    current.innerHTML = `<h2>融资</h2><figure data-chart="funding"></figure>${fragments(1, 1)}`;
    current.querySelector('figure')?.replaceWith(figure);
    ctx = contextFor('zh');
    charts.setContext(ctx);
    await charts.whenIdle();
    expect(calls.filter((c) => c.kind === 'mount')).toHaveLength(1);
    expect(calls.filter((c) => c.kind === 'setContext').map((c) => c.ctx?.lng)).toEqual(['zh']);
    expect(figure.dataset.step).toBe('1');
  });

  it('relabels a real chart in place', async () => {
    const charts = plugin({ funding });
    const current = slide(`<figure data-chart="funding"></figure>${fragments(1, 1)}`);
    deck.current = current;
    deck.emit('ready');
    await charts.whenIdle();
    const svg = current.querySelector('svg');
    expect(svg?.querySelector('title')?.textContent).toMatch(/^Funding/);
    charts.setContext(contextFor('zh'));
    expect(current.querySelector('svg')).toBe(svg);
    expect(svg?.querySelector('title')?.textContent).toMatch(/^中国 AI 初创企业融资/);
    // The screen readers' table follows once the browser is idle.
    await vi.waitFor(() =>
      expect(current.querySelector('table caption')?.textContent).toMatch(/^中国 AI 初创企业融资/),
    );
  });

  it('draws every print page at its own step, without animation, then flags the document', async () => {
    deck.print = true;
    const charts = plugin({ funding: spyChart('funding', calls), closures });
    const root = document.querySelector('.slides')!;
    root.innerHTML = `
      <div class="pdf-page"><section><figure data-chart="funding"></figure>${fragments(1, 2)}</section></div>
      <div class="pdf-page"><section><figure data-chart="closures"></figure>${fragments(1, 1)}</section></div>`;
    deck.emit('ready'); // ignored in print: pages are drawn on pdf-ready
    expect(calls).toHaveLength(0);
    deck.emit('pdf-ready');
    await charts.whenIdle();
    await Promise.resolve();
    const [spied, real] = Array.from(root.querySelectorAll<HTMLElement>('figure'));
    expect(calls.find((c) => c.kind === 'mount')?.ctx?.reducedMotion).toBe(true);
    expect(spied?.dataset.step).toBe('1');
    expect(real?.dataset.step).toBe('1');
    expect(real?.querySelectorAll('rect.closed[width="26"]').length).toBe(8);
    expect(document.documentElement.dataset.chartsPrinted).toBe('true');
  });

  it('replaces a chart that throws on mount with its visible table, warning once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const charts = plugin({ funding: spyChart('funding', calls, 'mount') });
    const current = slide('<figure data-chart="funding"><figcaption>Funding</figcaption></figure>');
    const other = slide('<p>next</p>');
    deck.current = current;
    deck.emit('ready');
    await charts.whenIdle();
    const figure = current.querySelector<HTMLElement>('figure')!;
    expect(figure.dataset.chartState).toBe('fallback');
    expect(figure.querySelector('svg')).toBeNull();
    expect(figure.querySelector('table.chart-fallback caption')?.textContent).toBe('funding data');
    expect(figure.querySelector('figcaption')).not.toBeNull();
    // Leave and come back: the fallback is drawn again, the warning is not repeated.
    deck.current = other;
    deck.emit('slidechanged');
    deck.current = current;
    deck.emit('slidechanged');
    await charts.whenIdle();
    expect(figure.querySelectorAll('table')).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('falls back when a step fails or the chart cannot load', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const charts = plugin({ funding: spyChart('funding', calls, 'step') });
    const current = slide('<figure data-chart="funding"></figure><figure data-chart="capcut"></figure>');
    deck.current = current;
    deck.emit('ready');
    await charts.whenIdle();
    const [stepFails, loadFails] = Array.from(current.querySelectorAll<HTMLElement>('figure'));
    expect(stepFails?.querySelector('table.chart-fallback')).not.toBeNull();
    expect(stepFails?.querySelector('svg')).toBeNull();
    expect(loadFails?.dataset.chartState).toBe('fallback');
    expect(loadFails?.querySelector('p.chart-fallback')?.textContent).toBe('This chart could not be drawn.');
  });

  it('makes the chart named by ?chart-fail=<id> fail, showing the real data table', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const charts = plugin({ funding }, 'funding');
    const current = slide('<figure data-chart="funding"></figure>');
    deck.current = current;
    deck.emit('ready');
    await charts.whenIdle();
    const cells = Array.from(current.querySelectorAll('table.chart-fallback td'), (td) => td.textContent);
    expect(cells).toContain('US$24.9B');
    expect(current.querySelector('svg')).toBeNull();
  });

  it('stops listening and frees every chart on destroy', async () => {
    const charts = plugin({ funding: spyChart('funding', calls) });
    const current = slide('<figure data-chart="funding"></figure>');
    deck.current = current;
    deck.emit('ready');
    await charts.whenIdle();
    charts.destroy();
    expect([...deck.listeners.values()].every((set) => set.size === 0)).toBe(true);
    expect(current.querySelector('svg')).toBeNull();
    expect(calls.at(-1)?.kind).toBe('destroy');
  });
});

describe('chart registry', () => {
  it('loads every catalogued chart by dynamic import, with its validated data', async () => {
    const { loadChart } = await import('../../../src/charts/registry');
    const { chartCatalog } = await import('../../../src/shared/catalog');
    for (const id of Object.keys(chartCatalog)) {
      const { module, data } = await loadChart(id as keyof typeof chartCatalog);
      expect(module.id).toBe(id);
      expect(module.steps).toBe(fragmentsOnChartSlide(id, 'en'));
      // The data comes from virtual:data, i.e. data/ as validated: the same as selecting from the files here.
      expect(data).toEqual(module.select(deckFiles));
    }
  });
});

import type { TFunction } from 'i18next';
import type { ValidatedData } from '../shared/data-schema';
import type { Formatters } from '../shared/format';
import type { Lng } from '../shared/languages';

/** The locale namespaces chart strings live in (src/i18n/locales/<lng>/{charts,maps}.json). */
export type ChartNamespaces = ['charts', 'maps'];

/** What a chart needs to know about the world outside it. */
export interface ChartContext {
  lng: Lng;
  /** Typed against the charts and maps locale files: 'charts:…' and 'maps:…' keys; a misspelt key fails tsc. */
  t: TFunction<ChartNamespaces>;
  format: Formatters;
  /** True when the reader asked for reduced motion, in print, and whenever steps must land without animating. */
  reducedMotion: boolean;
  /**
   * The frame to draw: 'wide' is the slide's landscape frame (reveal scales the whole slide); 'narrow' is the
   * phone article's portrait frame, drawn at about its own size, so its labels keep their size on screen.
   */
  width: 'wide' | 'narrow';
}

export interface StepOptions {
  /** false: jump straight to the state (a jump, print, reduced motion). */
  animate: boolean;
}

export interface ChartInstance {
  /** Show the state after `n` visible fragments (0 = the slide's first state). Resolves when any transition ends. */
  step(n: number, opts?: StepOptions): Promise<void>;
  /** New language: relabel and reformat at the current step, without animating. */
  setContext(ctx: ChartContext): void;
  /** Interrupt transitions, remove listeners, timers and DOM. Safe to call twice. */
  destroy(): void;
}

export interface ChartModule<Data = unknown> {
  /** = file name = data-chart value. */
  id: string;
  /** Number of steps after the first state; equals the fragment count of the chart's slide. */
  steps: number;
  /** The chart's part of the validated data/ files (pure; the registry calls it and passes the result in). */
  select(files: ValidatedData): Data;
  mount(el: HTMLElement, data: Data, ctx: ChartContext): ChartInstance;
  /** The same data as rows of text, for the accessible table and the fallback when drawing fails. */
  table(data: Data, ctx: ChartContext): ChartTable;
}

export interface ChartTable {
  caption: string;
  head: string[];
  rows: string[][];
}

/** A chart module with its data, selected from `virtual:data`: what the registry hands the plugin. */
export interface LoadedChart<Data = unknown> {
  module: ChartModule<Data>;
  data: Data;
}

import type { ParseKeys } from 'i18next';
import type { ChartContext, ChartNamespaces } from '../types';

/** Every chart string's key, from the locale files: 'charts:funding.title', 'maps:voyages.steps.1', … */
export type ChartKey = ParseKeys<ChartNamespaces>;

/** Every dotted prefix of a key: 'charts:capcut.events.launch' → 'charts:capcut' | 'charts:capcut.events'. */
type Prefixes<Key extends string> = Key extends `${infer Head}.${infer Tail}`
  ? Head | `${Head}.${Prefixes<Tail>}`
  : never;

/** A group of chart strings in the locale files, under which a key is completed at run time. */
export type ChartKeyGroup = Prefixes<ChartKey>;

/**
 * For the few keys built at run time (an event id from data/, a status code, a step number): the group is typed,
 * the last part is checked when called. A key that is not in the locale files throws, so the chart shows its
 * data as a table rather than a raw key. Every other chart string goes through the typed `ctx.t`.
 */
export function tIn(
  ctx: ChartContext,
  group: ChartKeyGroup,
  id: string | number,
  values?: Record<string, string>,
): string {
  const key = `${group}.${id}`;
  const text = ctx.t(key as ChartKey, { replace: values, defaultValue: '' });
  if (text === '') throw new Error(`no chart string "${key}" in the ${ctx.lng} locale files`);
  return text;
}

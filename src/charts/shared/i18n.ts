import type { ChartContext } from '../types';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * ctx.t with plain string keys. The deck types i18next keys from the locale files, which is great for fixed
 * keys but cannot check keys built at run time (event ids, status codes, the frame's title key), so charts
 * use this for those and the typed ctx.t elsewhere.
 */
export function translator(ctx: ChartContext): Translate {
  const t = ctx.t as unknown as (key: string, options?: Record<string, string | number>) => unknown;
  return (key, values) => String(t(key, values ?? {}));
}

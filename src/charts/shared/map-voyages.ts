import type { ChartContext, ChartTable } from '../types';
import { translator } from './i18n';
import { type MapPlace, placeIndex, placeOf } from './map-base';

/** What the voyages map needs besides its layout: the data shapes and the table. */

// Structural subsets of data/voyages.json (validated by src/shared/data-schema.ts at build time).
export interface Voyage {
  n: number;
  from: number;
  to: number;
  terminus: string;
  stops: string[];
}
export interface Route {
  id: string;
  step: number;
  path: string[];
}
export interface VoyagesData {
  places: MapPlace[];
  voyages: Voyage[];
  routes: Route[];
}

/**
 * The Ming name alone on the map ("Champa", "占城"), so labels stay short in both languages; the table
 * keeps the full "Champa (Qui Nhon)" / "占城（归仁）".
 */
export function shortName(name: string): string {
  return name.replace(/\s*[（(][^（）()]*[）)]\s*$/u, '') || name;
}

export function voyagesTable(data: VoyagesData, ctx: ChartContext): ChartTable {
  const index = placeIndex(data.places);
  const name = (id: string): string => placeOf(index, id).name[ctx.lng];
  const t = translator(ctx);
  return {
    caption: t('maps:voyages.table.caption'),
    head: ['voyage', 'years', 'terminus', 'stops'].map((k) => t(`maps:voyages.table.${k}`)),
    rows: [...data.voyages]
      .sort((a, b) => a.n - b.n)
      .map((v) => [
        ctx.format.number(v.n),
        ctx.format.years(v.from, v.to),
        name(v.terminus),
        ctx.format.list(v.stops.map(name)),
      ]),
  };
}

import { describe, expect, it } from 'vitest';
import type { FrameChartId } from '../../../src/charts/shared/define';
import { tIn } from '../../../src/charts/shared/i18n';
import type { ChartContext } from '../../../src/charts/types';
import { createI18n } from '../../../src/i18n/index';
import { allStrings } from '../../../src/i18n/strings';
import { createFormatters } from '../../../src/shared/format';
import type { Lng } from '../../../src/shared/languages';

/** A chart context on the deck's own i18next set-up (fallback language, no empty strings). */
function deckContext(lng: Lng): ChartContext {
  return {
    lng,
    t: createI18n(lng, allStrings).getFixedT(null, ['charts', 'maps']),
    format: createFormatters(lng),
    reducedMotion: true,
    width: 'wide',
  };
}

describe('chart strings', () => {
  it('completes a key built at run time inside its typed group, with values', () => {
    expect(tIn(deckContext('en'), 'charts:common.status', 'V')).toBe('Verified');
    expect(tIn(deckContext('zh'), 'maps:voyages.steps', 1)).toBe('前三次下西洋');
    expect(tIn(deckContext('en'), 'charts:timeline-2024.events', 'alibaba-cloud', { value: '29' })).toBe(
      'Alibaba Cloud: data centres in 29 countries',
    );
  });

  it('throws, naming the key, when the run-time part is not in the locale files (the chart falls back to its table)', () => {
    expect(() => tIn(deckContext('en'), 'charts:common.status', 'Q')).toThrow(
      'no chart string "charts:common.status.Q" in the en locale files',
    );
  });

  it('rejects misspelt keys at compile time (npm run typecheck fails if these stop being errors)', () => {
    const ctx = deckContext('en');
    // Each line below compiles only because of the @ts-expect-error above it: remove one and tsc reports the
    // misspelling; if the key check ever stopped working, tsc would report the unused directive instead.
    // @ts-expect-error a misspelt chart key
    const misspelt = ctx.t('charts:fundng.title');
    // @ts-expect-error a key group that does not exist
    const group = () => tIn(ctx, 'charts:capcut.event', 'launch');
    // @ts-expect-error the maps have no charts:<id>.title, so they cannot be framed charts
    const map: FrameChartId = 'voyages-map';
    // At run time i18next would have shown the raw key on the slide.
    expect(misspelt).toBe('fundng.title');
    expect(group).toThrow(/charts:capcut\.event\.launch/);
    expect(ctx.t(`charts:${map}.title`)).toBe(`${map}.title`);
  });
});

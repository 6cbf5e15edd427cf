import { describe, expect, it, vi } from 'vitest';
import { createLanguagePacks, hotSlides, type LanguagePack } from '../../../../src/deck/packs/index';
import { createI18n } from '../../../../src/i18n';
import { allStrings } from '../../../../src/i18n/strings';
import type { RenderedSlide } from '../../../../src/shared/deck';
import type { Lng } from '../../../../src/shared/languages';

const slide = (id: string): RenderedSlide => ({
  id,
  file: `slides/x/${id}.md`,
  line: 1,
  attrs: {},
  html: `<h2>${id}</h2>`,
  notes: '',
  fragments: 0,
  charts: [],
});

const pack = (lng: Lng): { default: LanguagePack } => ({
  default: { slides: [slide(`${lng}-title`)], strings: allStrings[lng] },
});

describe('the language packs', () => {
  it('loads a language once, and hands its strings to i18next when it arrives', async () => {
    const i18n = createI18n('zh');
    const load = vi.fn((lng: Lng) => Promise.resolve(pack(lng)));
    const packs = createLanguagePacks(i18n, load);
    expect(packs.get('zh')).toBeUndefined();
    expect(i18n.exists('ui:deck.title')).toBe(false);
    const [first, second] = await Promise.all([packs.load('zh'), packs.load('zh')]);
    expect(first).toBe(second);
    expect(await packs.load('zh')).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
    expect(packs.get('zh')?.[0]?.id).toBe('zh-title');
    expect(i18n.t('ui:deck.title')).toBe(allStrings.zh.ui.deck.title);
    // English was never asked for: none of its strings are there.
    expect(i18n.hasResourceBundle('en', 'ui')).toBe(false);
  });

  it('forgets a failed load, so the next call asks again', async () => {
    const load = vi
      .fn<(lng: Lng) => Promise<{ default: LanguagePack }>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockImplementation((lng) => Promise.resolve(pack(lng)));
    const packs = createLanguagePacks(createI18n('en'), load);
    await expect(packs.load('en')).rejects.toThrow('offline');
    expect(packs.get('en')).toBeUndefined();
    await expect(packs.load('en')).resolves.toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('takes a slide edit from the dev server and tells its listener', async () => {
    const packs = createLanguagePacks(createI18n('en'), (lng) => Promise.resolve(pack(lng)));
    await packs.load('en');
    const heard = vi.fn();
    const stop = packs.onHotUpdate(heard);
    const edited = [slide('edited')];
    hotSlides('en', edited);
    expect(packs.get('en')).toBe(edited);
    expect(heard).toHaveBeenCalledWith('en', edited);
    stop();
    hotSlides('en', [slide('later')]);
    expect(heard).toHaveBeenCalledOnce();
  });
});

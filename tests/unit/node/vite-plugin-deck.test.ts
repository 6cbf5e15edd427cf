import { describe, expect, it } from 'vitest';
import { type BundleFiles, packChunks, withModulePreloads } from '../../../src/node/vite-plugin-deck';

const chunk = (
  fileName: string,
  fields: { facadeModuleId?: string; imports?: string[]; isEntry?: boolean },
) => ({
  type: 'chunk' as const,
  fileName,
  facadeModuleId: fields.facadeModuleId ?? null,
  imports: fields.imports ?? [],
  isEntry: fields.isEntry ?? false,
});

describe('packChunks', () => {
  const bundle: BundleFiles = {
    'assets/index.js': chunk('assets/index.js', { isEntry: true, imports: ['assets/packs.js'] }),
    'assets/packs.js': chunk('assets/packs.js', {}),
    'assets/en.js': chunk('assets/en.js', {
      facadeModuleId: '/repo/src/deck/packs/en.ts',
      imports: ['assets/packs.js', 'assets/en-slides.js'],
    }),
    'assets/en-slides.js': chunk('assets/en-slides.js', {}),
    'assets/zh.js': chunk('assets/zh.js', { facadeModuleId: '/repo/src/deck/packs/zh.ts' }),
  };

  it("lists a language's pack and what it imports, less what the page loads anyway", () => {
    expect(packChunks(bundle, 'en')).toEqual(['assets/en.js', 'assets/en-slides.js']);
    expect(packChunks(bundle, 'zh')).toEqual(['assets/zh.js']);
  });
});

describe('withModulePreloads', () => {
  it('adds one preload per file before </head>, under the base', () => {
    const html = withModulePreloads(
      '<html><head><title>x</title></head><body></body></html>',
      ['assets/en.js'],
      '/deck/',
    );
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/deck/assets/en.js">\n  </head>');
    expect(withModulePreloads('<head></head>', [], '/')).toBe('<head></head>');
  });
});

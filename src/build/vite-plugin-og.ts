import type { Plugin } from 'vite';
import { type OgOptions, ogTags, publicBase } from './og';

/**
 * Writes the link-preview tags (og.ts) into index.html. Without a public address it says once, per build,
 * that the card has no URL or image, since crawlers take only absolute ones.
 */
export function ogPlugin(options: OgOptions): Plugin {
  let said = false;
  return {
    name: 'chuhai-og',
    configResolved(config) {
      if (!said && !publicBase(options.publicUrl) && config.command === 'build') {
        said = true;
        config.logger.info(
          'No public address (package.json deck.publicUrl or DECK_PUBLIC_URL): the link-preview card has no URL or image.',
        );
      }
    },
    transformIndexHtml: {
      order: 'pre',
      handler: () =>
        ogTags(options).map((tag) => ({
          tag: 'meta',
          attrs: { [tag.key]: tag.name, content: tag.content },
          injectTo: 'head',
        })),
    },
  };
}

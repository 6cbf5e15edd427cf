import type { Plugin } from 'vite';
import { type OgOptions, ogNotice, ogTags } from './og.ts';

/**
 * Writes the link-preview tags (og.ts) into index.html. Without a public address it says once, per build,
 * that the card has no URL or image, since crawlers take only absolute ones.
 */
export function ogPlugin(options: OgOptions): Plugin {
  let said = false;
  return {
    name: 'chuhai-og',
    configResolved(config) {
      const notice = ogNotice(options.publicUrl);
      if (!said && notice && config.command === 'build') {
        said = true;
        config.logger.info(notice);
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

import type { Plugin } from 'vite';
import { deckPolicy, type InlineSources, type PrintLayout } from './csp.ts';
import { escapeHtml } from './html.ts';

export interface CspPluginOptions {
  /** The deck's reveal width, height and margin: the print view's stylesheet hashes depend on them. */
  layout: PrintLayout;
  /** Where reveal.js is installed (default: resolved from the working directory). */
  revealDir?: string;
  /** The deck's own inline code (the prerendered pages' critical CSS and language script), allowed by hash. */
  inline?: Partial<InlineSources>;
}

/**
 * Writes the Content-Security-Policy into the built index.html as a <meta http-equiv>. Build only: Vite's dev
 * server needs inline scripts and a ws: connection for hot reload. A meta policy cannot carry frame-ancestors
 * or reporting; a host that can send headers should send the same policy as a header too.
 */
export function cspPlugin(options: CspPluginOptions): Plugin {
  let policy = '';
  return {
    name: 'deck:csp',
    apply: 'build',
    buildStart() {
      policy = deckPolicy(options.layout, options.revealDir, options.inline);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (/http-equiv=["']?Content-Security-Policy/i.test(html)) {
          throw new Error('index.html already has a Content-Security-Policy meta; the csp plugin writes it.');
        }
        // Right after <meta charset>: before any script or stylesheet, and charset stays in the first 1024 bytes.
        const charset = /<meta\s+charset=[^>]*>/i.exec(html);
        if (!charset) throw new Error('index.html needs a <meta charset> for the csp plugin to follow.');
        const at = charset.index + charset[0].length;
        const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}" />`;
        return html.slice(0, at) + meta + html.slice(at);
      },
    },
  };
}

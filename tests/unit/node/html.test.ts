import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/node/html';

describe('escapeHtml', () => {
  it('escapes what could end a text node or a double-quoted attribute, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>R&D</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title='y'&gt;R&amp;D&lt;/a&gt;",
    );
    expect(escapeHtml('出海 · Going Global')).toBe('出海 · Going Global');
  });
});

// @vitest-environment jsdom
import { select } from 'd3';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../../src/charts/shared/map-labels';
import { joinLines, setWrappedText, wrapLines } from '../../../../src/charts/shared/wrap';

describe('wrapLines', () => {
  it('keeps a line that fits as it is', () => {
    expect(wrapLines('Short note', 400, 18)).toEqual(['Short note']);
  });
  it('breaks Latin text at spaces, each line within the width', () => {
    const text = '* Sources disagree on this figure: see the table and the notes';
    const lines = wrapLines(text, 300, 18);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(line).not.toMatch(/^\s|\s$/);
  });
  it('breaks Chinese between characters, never putting closing punctuation first on a line', () => {
    const text = '＊各来源对此数据说法不一，详见表格与备注。各来源对此数据说法不一，详见表格与备注。';
    for (const width of [120, 150, 180, 200, 234]) {
      const lines = wrapLines(text, width, 18);
      expect(lines.join('')).toBe(text);
      for (const line of lines) expect(line).not.toMatch(/^[，。、；：！？）」』》”’]/);
    }
  });
});

describe('joinLines', () => {
  const items = ['Qwen', 'DeepSeek Coder', 'GLM', 'CogVideo'];
  it('breaks only between items, each line within the width', () => {
    const lines = joinLines(items, ' · ', 260, 20, true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' · ')).toBe(items.join(' · '));
    for (const line of lines) expect(textWidth(line, 20, true)).toBeLessThanOrEqual(260);
    expect(lines.some((line) => line.endsWith('DeepSeek') || line.startsWith('Coder'))).toBe(false);
  });
  it('keeps everything on one line when it fits, and gives an over-wide item its own line', () => {
    expect(joinLines(items, ' · ', 2000, 20)).toEqual([items.join(' · ')]);
    expect(joinLines(['a', 'a very long item indeed', 'b'], ', ', 40, 20)).toEqual([
      'a',
      'a very long item indeed',
      'b',
    ]);
  });
});

describe('setWrappedText', () => {
  it('writes one tspan per line at the text’s x, or plain text when it fits', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const text = select(svg).append('text').attr('x', 8);
    setWrappedText(text, 'a b c d e f g h i j k l m n o p', 60, 18);
    const spans = svg.querySelectorAll('tspan');
    expect(spans.length).toBeGreaterThan(1);
    for (const span of spans) expect(span.getAttribute('x')).toBe('8');
    setWrappedText(text, 'fits', 60, 18);
    expect(svg.querySelectorAll('tspan')).toHaveLength(0);
    expect(text.text()).toBe('fits');
  });
});

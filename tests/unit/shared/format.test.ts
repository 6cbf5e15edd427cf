import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../src/shared/format';

const en = createFormatters('en');
const zh = createFormatters('zh');

describe('createFormatters', () => {
  it('formats dollars compactly, with 亿 and 万 in Chinese', () => {
    expect(en.usd(4.4e9)).toBe('US$4.4B');
    expect(zh.usd(4.4e9)).toBe('44亿美元');
    expect(en.usd(24.9e9)).toBe('US$24.9B');
    expect(zh.usd(24.9e9)).toBe('249亿美元');
    expect(en.usd(125e6)).toBe('US$125M');
    expect(zh.usd(125e6)).toBe('1.25亿美元');
  });

  it('formats counts plainly and compactly', () => {
    expect(en.number(78612)).toBe('78,612');
    expect(zh.compact(78612)).toBe('7.86万');
    expect(en.compact(3e8)).toBe('300M');
    expect(zh.compact(3e8)).toBe('3亿');
  });

  it('formats shares, dates at their precision, ranges and lists', () => {
    expect(en.percent(0.7)).toBe('70%');
    expect(zh.percent(0.137)).toBe('14%');
    expect(en.date('2024-03')).toBe('Mar 2024');
    expect(zh.date('2024-03')).toBe('2024年3月');
    expect(en.date('2024-09-14')).toBe('Sep 14, 2024');
    expect(zh.date('2024-09-14')).toBe('2024年9月14日');
    expect(en.date('2020')).toBe('2020');
    expect(en.years(1405, 1433)).toBe('1405–1433');
    expect(zh.years(1405, 1433)).toBe('1405—1433 年');
    expect(en.list(['Seoul', 'Manila', 'Bangkok'])).toBe('Seoul, Manila, and Bangkok');
    expect(zh.list(['首尔', '马尼拉', '曼谷'])).toBe('首尔、马尼拉和曼谷');
  });

  it('rejects a date that is not ISO', () => {
    expect(() => en.date('March 2024')).toThrow('Not an ISO date: "March 2024"');
  });
});

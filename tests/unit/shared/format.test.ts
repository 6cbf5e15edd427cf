import { describe, expect, it, vi } from 'vitest';
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

describe('prepareFormatters', () => {
  /** A fresh copy of the module, so no earlier test has made its Intl objects. */
  const fresh = async () => {
    vi.resetModules();
    return import('../../../src/shared/format');
  };

  /** Counts the number and date formats constructed until `restore` is called. */
  const countIntl = () => {
    const real = { number: Intl.NumberFormat, date: Intl.DateTimeFormat };
    const made = { number: 0, date: 0 };
    Intl.NumberFormat = new Proxy(real.number, {
      construct: (target, args: ConstructorParameters<typeof Intl.NumberFormat>) => {
        made.number++;
        return new target(...args);
      },
    });
    Intl.DateTimeFormat = new Proxy(real.date, {
      construct: (target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) => {
        made.date++;
        return new target(...args);
      },
    });
    return {
      made,
      total: () => made.number + made.date,
      restore: () => {
        Intl.NumberFormat = real.number;
        Intl.DateTimeFormat = real.date;
      },
    };
  };

  it('makes every Intl object of a language ahead, so formatting makes none', async () => {
    const { createFormatters: create, prepareFormatters } = await fresh();
    const count = countIntl();
    try {
      expect(prepareFormatters('zh', () => 50)).toBe(true);
      const before = count.total();
      // Four number formats and three date formats.
      expect(count.made).toEqual({ number: 4, date: 3 });
      const zhFormat = create('zh');
      expect(zhFormat.usd(4.4e9)).toBe('44亿美元');
      expect(zhFormat.date('2024-03')).toBe('2024年3月');
      expect(zhFormat.date('2024-03-05')).toBe('2024年3月5日');
      expect(zhFormat.percent(0.7)).toBe('70%');
      expect(count.total()).toBe(before);
    } finally {
      count.restore();
    }
  });

  it('stops while the idle period has too little left, and picks up where it stopped', async () => {
    const { prepareFormatters } = await fresh();
    const count = countIntl();
    try {
      // No room at all: nothing made.
      expect(prepareFormatters('en', () => 0)).toBe(false);
      expect(count.total()).toBe(0);
      // Room for two objects: 10 ms left, each "costing" 3 ms, 4 ms kept in reserve.
      let left = 10;
      expect(
        prepareFormatters('en', () => {
          const now = left;
          left -= 3;
          return now;
        }),
      ).toBe(false);
      expect(count.total()).toBe(2);
      expect(prepareFormatters('en', () => 50)).toBe(true);
      // Every one made once (the seven number and date formats counted here), and none again.
      expect(count.total()).toBe(7);
      expect(prepareFormatters('en', () => 50)).toBe(true);
      expect(count.total()).toBe(7);
    } finally {
      count.restore();
    }
  });
});

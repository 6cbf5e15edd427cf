import { describe, expect, it } from 'vitest';
import { slideIdFromHash, viewUrl } from '../../../src/deck/reader';

describe('viewUrl', () => {
  it('adds or removes ?view=scroll and keeps the language and slide', () => {
    expect(viewUrl('http://h/?lng=zh#/funding/1', true)).toBe('http://h/?lng=zh&view=scroll#/funding/1');
    expect(viewUrl('http://h/?lng=zh&view=scroll#/funding', false)).toBe('http://h/?lng=zh#/funding');
  });
  it("sets the deck's language when given, which the address may not show yet", () => {
    expect(viewUrl('http://h/?lng=en#/funding', true, 'funding', false, 'zh')).toBe(
      'http://h/?lng=zh&view=scroll#/funding',
    );
    expect(viewUrl('http://h/#/funding', false, undefined, false, 'en')).toBe('http://h/?lng=en#/funding');
  });
  it('points at the current slide when given', () => {
    expect(viewUrl('http://h/?lng=en#/title', true, 'price-war')).toBe(
      'http://h/?lng=en&view=scroll#/price-war',
    );
  });
});

describe('viewUrl on a phone', () => {
  it('asks for the slides with ?layout=slides, and drops it again for reading', () => {
    expect(viewUrl('http://h/?lng=zh#/funding', false, 'funding', true)).toBe(
      'http://h/?lng=zh&layout=slides#/funding',
    );
    expect(viewUrl('http://h/?lng=zh&layout=slides#/funding', true)).toBe(
      'http://h/?lng=zh&view=scroll#/funding',
    );
  });
});

describe('slideIdFromHash', () => {
  it('reads #/<id> and #/<id>/<fragment>', () => {
    expect(slideIdFromHash('#/price-war')).toBe('price-war');
    expect(slideIdFromHash('#/price-war/2')).toBe('price-war');
  });
  it('ignores numeric and empty hashes', () => {
    expect(slideIdFromHash('#/3/0')).toBeNull();
    expect(slideIdFromHash('')).toBeNull();
    expect(slideIdFromHash('#/')).toBeNull();
  });
});

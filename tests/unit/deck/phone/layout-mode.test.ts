import { describe, expect, it } from 'vitest';
import { wantsPhoneLayout, widthClassOf } from '../../../../src/deck/phone/layout-mode';
import { stepFromTops } from '../../../../src/deck/phone/scrolly';

describe('the phone layout', () => {
  it('follows the screen, except in print, the speaker previews and when slides are asked for', () => {
    expect(wantsPhoneLayout('?lng=en', true)).toBe(true);
    expect(wantsPhoneLayout('?lng=en', false)).toBe(false);
    expect(wantsPhoneLayout('?print-pdf', true)).toBe(false);
    expect(wantsPhoneLayout('?receiver', true)).toBe(false);
    expect(wantsPhoneLayout('?layout=slides', true)).toBe(false);
    expect(wantsPhoneLayout('?layout=phone', false)).toBe(true);
  });
  it('draws charts narrow in a phone column and wide on a tablet', () => {
    expect(widthClassOf(358)).toBe('narrow');
    expect(widthClassOf(720)).toBe('wide');
  });
});

describe('stepFromTops', () => {
  it('counts the captions whose top has passed the trigger line', () => {
    expect(stepFromTops([900, 1300, 1700], 844)).toBe(0);
    expect(stepFromTops([500, 900, 1300], 844)).toBe(1);
    expect(stepFromTops([-400, 100, 560], 844)).toBe(3);
  });
  it('takes a step back out when its caption goes back below the line', () => {
    const line = 844 * 0.7;
    expect(stepFromTops([line - 1], 844)).toBe(1);
    expect(stepFromTops([line + 1], 844)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { languageMessage, parseLanguageMessage } from '../../../src/deck/speaker-view';

describe('the language message between the deck and the speaker view previews', () => {
  it('round-trips a language', () => {
    expect(parseLanguageMessage(languageMessage('zh'))).toBe('zh');
    expect(parseLanguageMessage(languageMessage('en'))).toBe('en');
  });
  it("ignores reveal's own messages and anything malformed", () => {
    expect(parseLanguageMessage(JSON.stringify({ namespace: 'reveal-notes', type: 'heartbeat' }))).toBeNull();
    expect(parseLanguageMessage('{"namespace":"chuhai-deck","type":"language","lng":"fr"}')).toBeNull();
    expect(parseLanguageMessage('{"namespace":"chuhai-deck",')).toBeNull();
    expect(parseLanguageMessage({ lng: 'zh' })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { lineOfJsonPath } from '../../../src/node/json-locate';

const text = `{
  "routes": [
    { "id": "a", "path": ["x", "y"] },
    {
      "id": "b",
      "path": [
        "nanjing",
        "calcut"
      ]
    }
  ],
  "note": "a \\"quoted\\" string"
}`;

describe('lineOfJsonPath', () => {
  it('finds the line of a nested value', () => {
    expect(lineOfJsonPath(text, ['routes', 1, 'path', 1])).toBe(8);
    expect(lineOfJsonPath(text, ['routes', 0, 'path'])).toBe(3);
    expect(lineOfJsonPath(text, ['note'])).toBe(12);
  });

  it('falls back to the deepest value that exists for a missing key', () => {
    expect(lineOfJsonPath(text, ['routes', 1, 'source'])).toBe(4);
    expect(lineOfJsonPath(text, [])).toBe(1);
  });
});

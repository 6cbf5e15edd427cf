import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem, lineOfJsonPath } from '../../../src/node/json-text';

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

describe('findJsonSyntaxProblem', () => {
  it('accepts valid JSON', () => {
    expect(findJsonSyntaxProblem(text)).toBeNull();
  });

  it('points at the first slip, with words an author understands', () => {
    expect(findJsonSyntaxProblem('{\n  "a": [1 2]\n}')).toEqual({
      line: 2,
      column: 11,
      reason: 'expected "," between items, found "2"',
    });
    expect(findJsonSyntaxProblem('{\n  "a": 1 // why\n}')?.reason).toBe('a comment (JSON has no comments)');
    expect(findJsonSyntaxProblem("{ 'a': 1 }")?.reason).toBe(
      `unexpected "'" (JSON strings need double quotes)`,
    );
    expect(findJsonSyntaxProblem('{ "a": "open }')?.reason).toMatch(/^unterminated string/);
    expect(findJsonSyntaxProblem('{ "a": 1 } extra')?.reason).toBe('unexpected "e"');
  });

  it('names a trailing comma at the comma itself', () => {
    expect(findJsonSyntaxProblem('{\n  "a": [1, 2,\n  ]\n}')).toEqual({
      line: 2,
      column: 13,
      reason: 'trailing comma before "]"',
    });
  });
});

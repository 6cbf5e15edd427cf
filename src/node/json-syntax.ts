/**
 * Finds where a JSON text goes wrong, as a line, a column and a reason. JSON.parse's messages differ between
 * Node versions and some carry no position at all, so the build scans the text itself (only after JSON.parse
 * has already failed).
 */
export interface JsonSyntaxProblem {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  reason: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function showChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  if (ch === '"') return 'a string';
  if (ch === '/') return '"/" (JSON has no comments)';
  if (ch === "'") return `"'" (JSON strings need double quotes)`;
  return JSON.stringify(ch);
}

function scan(text: string): void {
  let i = 0;
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
  };
  const fail = (reason: string, at = i): never => {
    throw new Stop(at, reason);
  };

  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (next !== undefined && ESCAPES.has(next)) i += 2;
        else fail('invalid escape in a string');
      } else if (ch.charCodeAt(0) < 0x20) {
        fail('line break or control character inside a string');
      } else i++;
    }
    fail('unterminated string (missing closing ")');
  };

  const value = (): void => {
    skip();
    const ch = text[i];
    const nested = ch === '{' ? object : ch === '[' ? array : ch === '"' ? string : undefined;
    if (nested) {
      nested();
      return;
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) fail('invalid number');
      i = NUMBER.lastIndex;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(`unexpected ${showChar(ch)} where a value should be`);
  };

  const object = () => {
    i++;
    skip();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skip();
      if (text[i] !== '"')
        fail(`unexpected ${showChar(text[i])} where a property name in double quotes should be`);
      string();
      skip();
      if (text[i] !== ':') fail(`expected ":" after the property name, found ${showChar(text[i])}`);
      i++;
      value();
      skip();
      if (text[i] === '}') {
        i++;
        return;
      }
      if (text[i] !== ',') fail(`expected "," or "}" after a property value, found ${showChar(text[i])}`);
      const comma = i;
      i++;
      skip();
      if (text[i] === '}') fail('trailing comma before "}"', comma);
    }
  };

  const array = () => {
    i++;
    skip();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      skip();
      if (text[i] === ']') {
        i++;
        return;
      }
      if (text[i] !== ',') fail(`expected "," or "]" after an array item, found ${showChar(text[i])}`);
      const comma = i;
      i++;
      skip();
      if (text[i] === ']') fail('trailing comma before "]"', comma);
    }
  };

  value();
  skip();
  if (i < text.length) fail(`unexpected ${showChar(text[i])} after the end of the JSON value`);
}

/** Line and column of the first syntax error in `text`, or null when the text is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  try {
    scan(text);
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    return { line, column, reason: e.reason };
  }
}

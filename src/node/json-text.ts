/**
 * Positions inside JSON text, for messages that point an author at a line: where a value sits (from its path,
 * e.g. ["routes", 2, "path", 3]) and where a text stops being JSON. jsonc-parser does the parsing; what is ours
 * is the wording of the hints.
 */
import {
  findNodeAtLocation,
  type Node,
  type ParseError,
  parse,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';

export interface JsonSyntaxProblem {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  reason: string;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * The line of the value at `path`. When the path goes deeper than the text (a missing key), the line of the
 * deepest value that exists: the object the key is missing from.
 */
export function lineOfJsonPath(text: string, path: readonly PropertyKey[]): number {
  const root = parseTree(text);
  if (!root) return 1;
  let node: Node = root;
  const segments: (string | number)[] = [];
  for (const key of path) {
    segments.push(typeof key === 'number' ? key : String(key));
    const next = findNodeAtLocation(root, segments);
    if (!next) break;
    node = next;
  }
  return lineAt(text, node.offset);
}

function showChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  if (ch === '"') return 'a string';
  if (ch === '/') return '"/" (JSON has no comments)';
  if (ch === "'") return `"'" (JSON strings need double quotes)`;
  return JSON.stringify(ch);
}

/** jsonc-parser's codes are a const enum, so match on their printed names. */
function reasonFor(code: string, found: string): string {
  switch (code) {
    case 'InvalidSymbol':
      return `unexpected ${found}`;
    case 'InvalidNumberFormat':
      return 'invalid number';
    case 'PropertyNameExpected':
      return `expected a property name in double quotes, found ${found}`;
    case 'ValueExpected':
      return `expected a value, found ${found}`;
    case 'ColonExpected':
      return `expected ":" after the property name, found ${found}`;
    case 'CommaExpected':
      return `expected "," between items, found ${found}`;
    case 'CloseBraceExpected':
      return `expected "}" to close the object, found ${found}`;
    case 'CloseBracketExpected':
      return `expected "]" to close the list, found ${found}`;
    case 'EndOfFileExpected':
      return `unexpected ${found} after the end of the JSON value`;
    case 'InvalidCommentToken':
      return 'a comment (JSON has no comments)';
    case 'UnexpectedEndOfString':
      return 'unterminated string (a missing closing ", or a line break inside the string)';
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return 'invalid escape in a string';
    case 'InvalidCharacter':
      return 'a control character inside a string';
    default:
      return code;
  }
}

/** Line, column and reason of the first syntax error in `text`, or null when the text is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return null;
  let offset = first.offset;
  const found = text[offset];
  let reason = reasonFor(printParseErrorCode(first.error), showChar(found));
  // The commonest slip gets its own words: a comma before a closing bracket.
  const before = text.slice(0, offset).trimEnd();
  if ((found === ']' || found === '}') && before.endsWith(',')) {
    offset = before.length - 1;
    reason = `trailing comma before "${found}"`;
  }
  const line = lineAt(text, offset);
  const column = offset - text.lastIndexOf('\n', offset - 1);
  return { line, column, reason };
}

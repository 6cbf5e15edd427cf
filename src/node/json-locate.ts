/**
 * Finds the line of a value inside a JSON text from its path (e.g. ["routes", 2, "path", 3]), so a data error
 * can point the author at a line, not only a path. When the path goes deeper than the text (a missing key), the
 * line of the deepest value that exists is given: the object the key is missing from. Only used on text that
 * JSON.parse has accepted.
 */
interface JsonNode {
  offset: number;
  keys?: Map<string, JsonNode>;
  items?: JsonNode[];
}

function parseTree(text: string): JsonNode {
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): JsonNode => {
    skip();
    const node: JsonNode = { offset: i };
    const ch = text[i];
    if (ch === '{') {
      node.keys = new Map();
      i++;
      skip();
      while (text[i] !== '}' && i < text.length) {
        skip();
        const key = string();
        skip();
        i++; // colon
        node.keys.set(key, value());
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
    } else if (ch === '[') {
      node.items = [];
      i++;
      skip();
      while (text[i] !== ']' && i < text.length) {
        node.items.push(value());
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
    } else if (ch === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
    return node;
  };
  return value();
}

export function lineOfJsonPath(text: string, path: readonly PropertyKey[]): number {
  let node = parseTree(text);
  for (const key of path) {
    const next = typeof key === 'number' ? node.items?.[key] : node.keys?.get(String(key));
    if (!next) break;
    node = next;
  }
  return text.slice(0, node.offset).split('\n').length;
}

/**
 * Reading a JSON file so that a mistake is reported the way an editor would show it: what is wrong and
 * the line:column where it is (`config.json: not valid JSON: trailing comma at 4:3`).
 *
 * JSON.parse does the parsing. Its messages differ between Node versions and often carry no position at
 * all, so when it fails a small scanner walks the grammar again to find where and why. The scanner only
 * has to be right about invalid text; if it ever disagrees, JSON.parse's own message is used.
 */
import { failed, ok, type Result } from './errors.js';

interface JsonFault {
  readonly offset: number;
  readonly message: string;
}

export function parseJsonText(file: string, text: string): Result<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return ok(JSON.parse(body));
  } catch (err) {
    const fault = findJsonFault(body);
    const message = fault ? `${fault.message} at ${lineColumn(body, fault.offset)}` : (err as Error).message;
    return failed([{ file, path: '', message: `not valid JSON: ${message}` }]);
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

class Fault extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

/** The first place `text` stops being JSON, or undefined if it is valid. */
function findJsonFault(text: string): JsonFault | undefined {
  let at = 0;
  const fail = (message: string, offset = at): never => {
    throw new Fault(offset, message);
  };
  const describe = (): string => (at >= text.length ? 'end of file' : JSON.stringify(text[at]));

  const skipSpace = (): void => {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
    if (text.startsWith('//', at) || text.startsWith('/*', at)) fail('comments are not allowed in JSON');
  };

  const string = (): void => {
    at++; // opening quote
    for (;;) {
      if (at >= text.length) fail('unterminated string');
      const ch = text[at]!;
      if (ch === '"') {
        at++;
        return;
      }
      if (ch === '\n') fail('unterminated string');
      if (ch < ' ') fail('control character in a string (write it as an escape)');
      if (ch === '\\') {
        const escape = text[at + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/u.test(text.slice(at + 2, at + 6))) fail('bad \\u escape');
          at += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) fail('bad escape in a string');
        at += 2;
        continue;
      }
      at++;
    }
  };

  const value = (): void => {
    skipSpace();
    const ch = text[at];
    if (ch === '{') return container('}', true);
    if (ch === '[') return container(']', false);
    if (ch === '"') return string();
    if (ch === "'") fail('strings must use double quotes');
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/u.exec(text.slice(at));
    if (!literal) fail(`expected a value, found ${describe()}`);
    at += literal![0].length;
  };

  const container = (close: '}' | ']', isObject: boolean): void => {
    at++;
    skipSpace();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      if (isObject) {
        skipSpace();
        if (text[at] !== '"') fail(`expected a double-quoted key, found ${describe()}`);
        string();
        skipSpace();
        if (text[at] !== ':') fail(`expected ':' after the key, found ${describe()}`);
        at++;
      }
      value();
      skipSpace();
      if (text[at] === close) {
        at++;
        return;
      }
      if (text[at] !== ',') fail(`expected ',' or '${close}', found ${describe()}`);
      const comma = at;
      at++;
      skipSpace();
      if (text[at] === close) fail('trailing comma', comma);
    }
  };

  try {
    value();
    skipSpace();
    if (at < text.length) fail(`unexpected ${describe()} after the end of the document`);
    return undefined;
  } catch (err) {
    // Anything else (a stack overflow on absurd nesting) means we cannot say where: JSON.parse's message stands.
    return err instanceof Fault ? { offset: err.offset, message: err.message } : undefined;
  }
}

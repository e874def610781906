/**
 * Where values are written in JSON text that JSON.parse has already accepted: one pass over
 * the characters with an explicit stack, so a 60 MB scenario costs a scan, not a second
 * parse into a tree with positions (which took seconds and gigabytes).
 */
export type JsonPath = readonly (string | number)[];

const pathKey = (path: JsonPath): string => path.map((p) => (typeof p === 'number' ? `#${p}` : `.${p}`)).join('\u0000');

interface Frame {
  array: boolean;
  /** the member key (objects) or the element index (arrays) of the value being read */
  at: string | number;
  expectKey: boolean;
}

/** Offsets of the values at `paths` that exist in `text` (valid JSON), by path key. */
export function locateJsonValues(text: string, paths: readonly JsonPath[]): (path: JsonPath) => number | undefined {
  const wanted = new Set(paths.map(pathKey));
  const depths = new Set(paths.map((p) => p.length));
  const found = new Map<string, number>();
  const stack: Frame[] = [];
  const record = (offset: number): void => {
    if (!depths.has(stack.length)) return;
    const key = pathKey(stack.map((f) => f.at));
    if (wanted.has(key) && !found.has(key)) found.set(key, offset);
  };
  let i = 0;
  while (i < text.length && found.size < wanted.size) {
    const c = text[i] as string;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === ':') {
      i++;
    } else if (c === '{' || c === '[') {
      record(i);
      stack.push({ array: c === '[', at: 0, expectKey: c === '{' });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.array) top.at = (top.at as number) + 1;
      else if (top) top.expectKey = true;
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top && !top.array && top.expectKey) {
        top.at = JSON.parse(text.slice(i, end)) as string;
        top.expectKey = false;
      } else {
        record(i);
      }
      i = end;
    } else {
      record(i);
      while (i < text.length && !',]} \n\r\t'.includes(text[i] as string)) i++;
    }
  }
  return (path) => found.get(pathKey(path));
}

/** The index just past the string literal starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return i;
}

/**
 * The config file, JSON or YAML. Both are read with the YAML parser (JSON is YAML 1.2), which
 * keeps every key's position so an error can point at its line.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type YAMLMap } from 'yaml';
import { closestMatch } from '../core/plan/did-you-mean.js';
import { YAML_TOO_DEEP_MESSAGE, yamlTooDeepAt } from '../core/plan/yaml-depth.js';
import { COLLECTION_KEY_MESSAGE, collectionKeyOffset } from '../core/plan/yaml-keys.js';
import { CONFIG_FIELDS, fieldKey, PATH_FIELDS } from './fields.js';
import type { SourceRead } from './sources.js';

const BY_KEY = new Map(CONFIG_FIELDS.map((f) => [fieldKey(f), f]));
const SECTIONS = new Set(CONFIG_FIELDS.flatMap((f) => (f.path.length === 2 ? [f.path[0]] : [])));

function keysUnder(prefix: string): string[] {
  return CONFIG_FIELDS.filter((f) => (prefix === '' ? f.path.length === 1 : f.path[0] === prefix)).map((f) => f.path[f.path.length - 1] ?? '');
}

function knownKeys(prefix: string): string[] {
  return prefix === '' ? [...keysUnder(''), ...SECTIONS] : keysUnder(prefix);
}

export function parseConfigFile(text: string, file: string): SourceRead {
  const read: SourceRead = { settings: [], errors: [] };
  const tooDeep = yamlTooDeepAt(text);
  if (tooDeep) {
    read.errors.push({ code: 'config.syntax', message: YAML_TOO_DEEP_MESSAGE, file, ...tooDeep });
    return read;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  for (const e of doc.errors) {
    read.errors.push({ code: 'config.syntax', message: e.message.split('\n')[0] ?? e.message, ...at(e.pos[0]) });
  }
  if (read.errors.length > 0) return read;
  if (doc.contents === null) return read;
  // settings are a handful of scalars; aliases there are only ever a mistake or an alias bomb
  visit(doc, {
    Alias: (_key, node) => {
      read.errors.push({ code: 'config.syntax', message: `aliases (*${node.source}) are not allowed in a config file; write the value out`, ...at(node.range?.[0] ?? 0) });
      return visit.BREAK;
    },
  });
  if (read.errors.length > 0) return read;
  const collectionKey = collectionKeyOffset(doc);
  if (collectionKey !== null) {
    read.errors.push({ code: 'config.syntax', message: COLLECTION_KEY_MESSAGE, ...at(collectionKey) });
    return read;
  }
  if (!isMap(doc.contents)) {
    read.errors.push({ code: 'config.file', message: 'expected a mapping of settings such as "port: 8080"', ...at(doc.contents.range?.[0] ?? 0) });
    return read;
  }

  const walk = (map: YAMLMap, prefix: string) => {
    for (const pair of map.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      const key = prefix ? `${prefix}.${name}` : name;
      const where = at(pair.key.range?.[0] ?? 0);
      if (!prefix && SECTIONS.has(name)) {
        if (isMap(pair.value)) walk(pair.value, name);
        else read.errors.push({ code: 'config.value', field: key, message: `expected a mapping with ${keysUnder(name).join(', ')}`, ...where });
        continue;
      }
      const field = BY_KEY.get(key);
      if (!field) {
        const near = closestMatch(name, knownKeys(prefix));
        const hint = near ? `; did you mean "${near}"?` : `; known keys: ${knownKeys(prefix).join(', ')}`;
        read.errors.push({ code: 'config.unknown-key', field: key, message: `unknown setting "${name}"${hint}`, ...where });
        continue;
      }
      const node = isNode(pair.value) ? pair.value : null;
      const value: unknown = node ? node.toJSON() : null;
      // a relative path in a config file means relative to that file, not to wherever the server was started
      const raw = PATH_FIELDS.has(key) && typeof value === 'string' && value !== '' && !isAbsolute(value) ? resolve(dirname(file), value) : value;
      read.settings.push({ field, raw, origin: { field: key, ...at(node?.range?.[0] ?? pair.key.range?.[0] ?? 0) } });
    }
  };
  walk(doc.contents, '');
  return read;
}

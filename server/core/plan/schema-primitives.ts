/**
 * Building blocks of the plan schema. Each carries a `title` naming the kind of value in
 * words ("a number of requests per second"); error messages say "expected <title>".
 */
import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { DURATION_PATTERN } from './duration.js';

export const NAME_PATTERN = '^[a-z][a-z0-9-]*$';
/** Longest text each kind of string may be: generous for people, bounded for machines. */
export const TEXT_LIMITS = {
  /** keys of services and levels, as in Kubernetes names */
  key: 63,
  name: 200,
  zone: 64,
  path: 1024,
  sentence: 500,
  title: 200,
  body: 4000,
} as const;
export const NAME_TITLE = 'a name of lowercase letters, digits and "-", starting with a letter';
export const DURATION_TITLE = 'a duration like "90s", "5m", "1h" or "250ms", or a number of seconds';
export const PERCENT_PATTERN = '^[0-9]+(\\.[0-9]+)?%$';

export function stringEnum<const T extends readonly string[]>(
  values: T,
  options: { title?: string; description: string; default?: T[number] },
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export function duration(description: string, defaultValue?: string) {
  return Type.Union(
    [
      Type.Number({ minimum: 0, title: 'a number of seconds' }),
      Type.String({ pattern: DURATION_PATTERN, title: DURATION_TITLE }),
    ],
    { title: DURATION_TITLE, description, ...(defaultValue === undefined ? {} : { default: defaultValue }) },
  );
}

export function countOrPercent(description: string) {
  const title = 'a number of servers or a percentage like "25%"';
  return Type.Union(
    [
      Type.Integer({ minimum: 0, title: 'a whole number of servers' }),
      Type.String({ pattern: PERCENT_PATTERN, title: 'a percentage like "25%"' }),
    ],
    { title, description },
  );
}

/**
 * The largest fleet a plan may name (maxServers, an HPA manifest's maxReplicas). The queueing
 * model costs O(sqrt(servers)) per tick (see fleet/erlang.ts), about a hundred thousand
 * steps at this size, and a million servers of even 1 rps each is more than any surge drill
 * rehearses.
 */
export const MAX_SERVERS = 1_000_000;

/** A fleet's upper bound: a whole number of servers up to MAX_SERVERS. */
export function maxServers(description: string) {
  return Type.Integer({ minimum: 0, maximum: MAX_SERVERS, title: `a whole number of servers up to ${MAX_SERVERS}`, description });
}

export function servers(description: string, defaultValue?: number) {
  return Type.Integer({ minimum: 0, title: 'a whole number of servers', description, default: defaultValue });
}

export function fraction(description: string, defaultValue?: number, exclusiveMinimum = false) {
  return Type.Number({
    ...(exclusiveMinimum ? { exclusiveMinimum: 0 } : { minimum: 0 }),
    maximum: 1,
    title: 'a fraction',
    description,
    default: defaultValue,
  });
}

export function positive(title: string, description: string, defaultValue?: number) {
  return Type.Number({ exclusiveMinimum: 0, title, description, default: defaultValue });
}

export function name(description: string) {
  return Type.String({ pattern: NAME_PATTERN, maxLength: TEXT_LIMITS.key, title: NAME_TITLE, description });
}

/** A map keyed by names; keys outside NAME_PATTERN are rejected like unknown keys. */
export function namedMap<T extends TSchema>(value: T, description: string, title: string, minProperties = 0) {
  return Type.Record(Type.String({ pattern: NAME_PATTERN }), value, {
    additionalProperties: false,
    maxProperties: 100,
    description,
    title,
    ...(minProperties > 0 ? { minProperties } : {}),
  });
}

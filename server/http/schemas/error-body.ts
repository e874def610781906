/** The one error body every route answers with, and the error statuses routes declare. */
import { Type } from '@sinclair/typebox';
import { ERROR_CODES, type ErrorCode } from '../../errors/codes.js';

// every code on the wire is one of the vocabulary's: the document lists them, and the tests
// that check each answer against the document refuse any other
const Code = Type.Unsafe<ErrorCode>(Type.Union(ERROR_CODES.map((code) => Type.Literal(code)), { description: 'stable, dotted, e.g. drill.not-found' }));

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Code,
    message: Type.String({ description: 'what is wrong and what to change, for a person' }),
    field: Type.Optional(Type.String({ description: 'where: the field or header at fault' })),
  }),
}, { description: 'an error' });

const MEANING: Record<number, string> = {
  400: 'refused input; the field is named',
  401: 'no token, or an unknown one',
  403: "the token's role may not do this",
  404: 'no such resource',
  409: 'conflicts with the current state',
  410: 'gone',
  413: 'body too large',
  415: 'unsupported media type',
  429: 'too many requests; see Retry-After',
  500: 'the server failed; nothing internal is revealed',
  503: 'not available now',
};

/** error answers for these statuses, each with the error body */
export function errors<S extends readonly number[]>(...statuses: S): { [K in S[number]]: typeof ErrorBody } {
  return Object.fromEntries(statuses.map((s) => [s, { ...ErrorBody, description: MEANING[s] ?? 'an error' }])) as { [K in S[number]]: typeof ErrorBody };
}

/** what every route may answer: a schema-refused request and an internal failure */
export const ALWAYS = [400, 500] as const;
/** what a reader route answers when reads are private */
export const READER = [401, 429] as const;
/** what a route for a role answers */
export const ROLE = [401, 403, 429] as const;
/** what a command answers when, with several instances, none drives the drills for a while */
export const FORWARDED = [503] as const;

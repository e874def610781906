/**
 * Whether a token given by a person (FLASHCROWD_ADMIN_TOKEN) is guessable. Generated tokens
 * carry 32 random bytes; a hand-written one has to come close, so each weakness is named.
 */
export const MIN_GIVEN_TOKEN_LENGTH = 24;
export const MIN_DISTINCT_CHARACTERS = 10;
// a character is predictable when it repeats the one before or one 2-4 places back ("aaaa",
// "abab", "abcabc"), or continues a sequence ("1234", "zyxw")
const MAX_PERIOD = 4;

export type TokenWeakness =
  | { reason: 'too-short'; message: string }
  | { reason: 'whitespace'; message: string }
  | { reason: 'few-distinct'; message: string }
  | { reason: 'repeats'; message: string }
  | { reason: 'sequence'; message: string };

function predictable(token: string): { repeats: number; sequence: number } {
  let repeats = 0;
  let sequence = 0;
  for (let i = 1; i < token.length; i++) {
    const step = token.charCodeAt(i) - token.charCodeAt(i - 1);
    let periodic = false;
    for (let p = 1; p <= MAX_PERIOD && p <= i; p++) if (token[i] === token[i - p]) periodic = true;
    if (periodic) repeats++;
    else if (step === 1 || step === -1) sequence++;
  }
  return { repeats, sequence };
}

/** null when the token is strong enough, else the first weakness found with a sentence saying what to change */
export function tokenWeakness(token: string): TokenWeakness | null {
  if (token.length < MIN_GIVEN_TOKEN_LENGTH) {
    return { reason: 'too-short', message: `it is too short: ${token.length} characters, at least ${MIN_GIVEN_TOKEN_LENGTH} are needed` };
  }
  if (/\s/.test(token)) return { reason: 'whitespace', message: 'it contains whitespace' };
  const distinct = new Set(token).size;
  if (distinct < MIN_DISTINCT_CHARACTERS) {
    return { reason: 'few-distinct', message: `it has too few distinct characters: ${distinct}, at least ${MIN_DISTINCT_CHARACTERS} are needed` };
  }
  const { repeats, sequence } = predictable(token);
  if ((repeats + sequence) * 2 > token.length) {
    return repeats >= sequence
      ? { reason: 'repeats', message: `it is mostly repeats: ${repeats + sequence} of ${token.length} characters repeat or continue a pattern (like "aaaa" or "abcabc")` }
      : { reason: 'sequence', message: `it is mostly sequences: ${repeats + sequence} of ${token.length} characters continue a run (like "1234" or "abcd")` };
  }
  return null;
}

/**
 * Epoch milliseconds as RFC 3339 in UTC, exactly as Date.prototype.toISOString writes them
 * ("2020-02-03T01:00:15.000Z"). Every tick of a replay carries its time this way, and
 * toISOString took a good part of a tick; the calendar arithmetic below (days to civil
 * date, after Howard Hinnant's date algorithms) does the same in a fraction of it. Times
 * outside the years 0000 to 9999, and anything that is not a whole number of milliseconds,
 * go to toISOString itself (which also throws for invalid times, as before).
 */
import { COLON, DOT, LETTER_T, LETTER_Z, MINUS, ZERO } from '../rfc3339-chars.js';

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z */
const FIRST_MS = -62_167_219_200_000;
const LAST_MS = 253_402_300_799_999;

const digit = (n: number, place: number): number => ZERO + (Math.floor(n / place) % 10);

export function isoTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < FIRST_MS || ms > LAST_MS) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  const inDay = ms - days * DAY_MS;
  // civil_from_days: the proleptic Gregorian date of a day count from 1970-01-01
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(inDay / 3_600_000);
  const minutes = Math.floor((inDay % 3_600_000) / 60_000);
  const seconds = Math.floor((inDay % 60_000) / 1000);
  const millis = inDay % 1000;
  // from character codes, so the string is one flat piece: a template literal would leave a
  // tree of pieces behind in every tick that keeps it
  return String.fromCharCode(
    digit(year, 1000), digit(year, 100), digit(year, 10), digit(year, 1), MINUS,
    digit(month, 10), digit(month, 1), MINUS,
    digit(day, 10), digit(day, 1), LETTER_T,
    digit(hours, 10), digit(hours, 1), COLON,
    digit(minutes, 10), digit(minutes, 1), COLON,
    digit(seconds, 10), digit(seconds, 1), DOT,
    digit(millis, 100), digit(millis, 10), digit(millis, 1), LETTER_Z,
  );
}

/** The character codes of RFC 3339 timestamps, for the code that writes them (engine/iso-time.ts) and the ingest code that reads them digit by digit. */
export const ZERO = 48;
export const DOT = 46;
export const MINUS = 45;
export const PLUS = 43;
export const COLON = 58;
export const LETTER_T = 84;
export const LETTER_Z = 90;

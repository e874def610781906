/**
 * The operator token, kept for the browser session only (sessionStorage), never in the page
 * address. When storage is disabled it lives in memory until the page is closed.
 */
const KEY = 'flashcrowd.operatorToken';
let inMemory: string | null = null;

export function readToken(): string | null {
  try {
    const token = sessionStorage.getItem(KEY) ?? inMemory;
    return token === null || token.trim() === '' ? null : token;
  } catch {
    return inMemory;
  }
}

export function saveToken(token: string): void {
  inMemory = token.trim();
  try {
    sessionStorage.setItem(KEY, inMemory);
  } catch {
    // Storage disabled: the in-memory copy serves until the page closes.
  }
}

export function forgetToken(): void {
  inMemory = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored to forget.
  }
}

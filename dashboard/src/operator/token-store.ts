/** The operator token, kept for the browser session only (sessionStorage), never in the page address. */
const KEY = 'flashcrowd.operatorToken';

export function readToken(): string | null {
  try {
    const token = sessionStorage.getItem(KEY);
    return token === null || token.trim() === '' ? null : token;
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token.trim());
  } catch {
    // Storage disabled: the token is then asked for again after a reload.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored to forget.
  }
}

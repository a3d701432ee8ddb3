// The access token lives in sessionStorage (this tab only; gone when it closes) and in memory;
// it never appears in a URL.
const KEY = 'accord.token';

export function loadToken(): string | null {
  try { return sessionStorage.getItem(KEY); } catch { return null; }
}
export function saveToken(token: string): void {
  try { sessionStorage.setItem(KEY, token); } catch { /* memory only */ }
}
export function forgetToken(): void {
  try { sessionStorage.removeItem(KEY); } catch { /* nothing stored */ }
}

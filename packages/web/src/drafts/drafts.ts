/**
 * Form drafts in sessionStorage, so a form survives a session expiry and the sign-in that follows.
 * Keys are namespaced; values are JSON. A draft is dropped once the form has been saved.
 */
const PREFIX = 'yd.draft.';

export function readDraft<T>(key: string, isValid: (value: unknown) => value is T): T | null {
  const raw = sessionStorage.getItem(PREFIX + key);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the draft is a convenience, the form still works.
  }
}

export function clearDraft(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}

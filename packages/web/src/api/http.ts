import {
  createApiClient,
  type ApiError,
  type CsrfStore,
  type FetchInit,
  type FetchLike,
  type FetchResponse,
  type Method,
  type RequestOptions as CoreRequestOptions,
} from '@yaodian/core';

export { fileNameOf, withQuery, type Method, type Query } from '@yaodian/core';

const CSRF_KEY = 'yd.csrf';

/** Called once per request that comes back 401 for a lost session (not for a wrong password). */
let onUnauthenticated: ((error: ApiError) => void) | null = null;

export function setUnauthenticatedHandler(handler: ((error: ApiError) => void) | null): void {
  onUnauthenticated = handler;
}

/** The token from sign-in lives in sessionStorage so a reload keeps it; the cookie itself is HttpOnly. */
const sessionCsrf: CsrfStore = {
  get: () => sessionStorage.getItem(CSRF_KEY),
  set: (token) => {
    if (token === null) sessionStorage.removeItem(CSRF_KEY);
    else sessionStorage.setItem(CSRF_KEY, token);
  },
};

export function setCsrfToken(token: string | null): void {
  sessionCsrf.set(token);
}

export function csrfToken(): string | null {
  return sessionCsrf.get();
}

/** The shared typed client on this origin; `fetch` is looked up per call so tests can stub it. */
export const client = createApiClient<FormData, Blob>({
  baseUrl: '',
  fetch: (url, init) => fetch(url, init),
  csrf: sessionCsrf,
  credentials: 'same-origin',
  onUnauthenticated: (error) => onUnauthenticated?.(error),
});

export type RequestOptions<T> = Omit<CoreRequestOptions<T, FormData, Blob>, 'form' | 'fetch'>;

/** One JSON call to the API on the same origin, with the session cookie and, when it changes state, the CSRF token. */
export function request<T>(method: Method, path: string, options: RequestOptions<T> = {}): Promise<T> {
  return client.transport.request(method, path, options);
}

/** A transport over XMLHttpRequest for uploads, since fetch cannot report upload progress. */
export function progressFetch(onProgress: (percent: number) => void): FetchLike<FormData, Blob> {
  return (url: string, init: FetchInit<FormData>) =>
    new Promise<FetchResponse<Blob>>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method, url);
      xhr.withCredentials = true;
      for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
      };
      xhr.onerror = () => {
        reject(new TypeError('network'));
      };
      xhr.onload = () => {
        const ok = xhr.status >= 200 && xhr.status < 300;
        if (ok) onProgress(100);
        const text = xhr.responseText;
        resolve({
          ok,
          status: xhr.status,
          headers: { get: (name) => xhr.getResponseHeader(name) },
          text: () => Promise.resolve(text),
          blob: () => Promise.resolve(new Blob([text])),
        });
      };
      xhr.send(init.body ?? null);
    });
}

/** Hands a file the server built (the 推进表) to the browser as a download. */
export function saveFile(bytes: Blob, name: string): void {
  const url = URL.createObjectURL(bytes);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

import type { z } from 'zod';
import { ApiError, apiErrorFromBody } from './api-error.js';

const CSRF_KEY = 'yd.csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined | null>;

/** Called once per request that comes back 401 for a lost session (not for a wrong password). */
let onUnauthenticated: ((error: ApiError) => void) | null = null;

export function setUnauthenticatedHandler(handler: ((error: ApiError) => void) | null): void {
  onUnauthenticated = handler;
}

/** The token from sign-in lives in sessionStorage so a reload keeps it; the cookie itself is HttpOnly. */
export function setCsrfToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(CSRF_KEY);
  else sessionStorage.setItem(CSRF_KEY, token);
}

export function csrfToken(): string | null {
  return sessionStorage.getItem(CSRF_KEY);
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function requestHeaders(method: Method, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extra };
  const token = csrfToken();
  if (UNSAFE.has(method) && token) headers['X-CSRF-Token'] = token;
  return headers;
}

export function raise(error: ApiError): never {
  if (error.isUnauthenticated && onUnauthenticated) onUnauthenticated(error);
  throw error;
}

export interface RequestOptions<T> {
  query?: Query;
  body?: unknown;
  /** A zod schema from @yaodian/core; the response is checked against it. */
  schema?: z.ZodType<T>;
  headers?: Record<string, string>;
}

/** One JSON call to the API on the same origin, with the session cookie and, when it changes state, the CSRF token. */
export async function request<T>(method: Method, path: string, options: RequestOptions<T> = {}): Promise<T> {
  const headers = requestHeaders(method, options.headers);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  const payload: unknown = await readJson(response);
  if (!response.ok) raise(apiErrorFromBody(response.status, payload));
  if (!options.schema) return payload as T;
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) throw new ApiError(response.status, 'bad_response', parsed.error.message);
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Multipart upload with progress events (fetch cannot report upload progress). */
export function upload<T>(
  path: string,
  form: FormData,
  onProgress: (percent: number) => void,
  schema?: z.ZodType<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(requestHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => {
      reject(new ApiError(0, 'network', 'network'));
    };
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText) as unknown;
      } catch {
        payload = null;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        try {
          raise(apiErrorFromBody(xhr.status, payload));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
        return;
      }
      onProgress(100);
      if (!schema) {
        resolve(payload as T);
        return;
      }
      const parsed = schema.safeParse(payload);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(xhr.status, 'bad_response', parsed.error.message));
    };
    xhr.send(form);
  });
}

/** Downloads a file the server builds (the 推进表) and hands it to the browser. */
export async function download(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: requestHeaders('GET') });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (!response.ok) raise(apiErrorFromBody(response.status, await readJson(response)));
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
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

export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]{1,300})/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return null;
    }
  }
  const plain = /filename="?([^";]{1,300})"?/i.exec(disposition);
  return plain?.[1] ?? null;
}

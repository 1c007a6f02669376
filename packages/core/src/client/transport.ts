import type { z } from 'zod';
import { ApiError, apiErrorFromBody } from './api-error.js';
import type { FetchCredentials, FetchLike, FetchResponse } from './fetch-types.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined | null>;

const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Where the CSRF token from sign-in is kept; the web app keeps it in sessionStorage so a reload keeps it. */
export interface CsrfStore {
  get(): string | null;
  set(token: string | null): void;
}

export function memoryCsrfStore(): CsrfStore {
  let token: string | null = null;
  return {
    get: () => token,
    set: (next) => {
      token = next;
    },
  };
}

export interface TransportOptions<Form = never, Bytes = unknown> {
  /** Prefix of every path, e.g. `https://host` or `` for the same origin. */
  baseUrl: string;
  fetch: FetchLike<Form, Bytes>;
  csrf?: CsrfStore;
  credentials?: FetchCredentials;
  /** Called for each answer that says the session is gone (not for a wrong password). */
  onUnauthenticated?: (error: ApiError) => void;
}

export interface RequestOptions<T, Form = never, Bytes = unknown> {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart as is; takes the place of `body`. */
  form?: Form;
  /** A zod schema of the contract; the answer is checked against it. */
  schema?: z.ZodType<T>;
  headers?: Record<string, string>;
  /** Another transport for this call only, e.g. one that reports upload progress. */
  fetch?: FetchLike<Form, Bytes>;
}

export interface Download<Bytes> {
  bytes: Bytes;
  /** From Content-Disposition, when the server named the file. */
  fileName: string | null;
}

export interface Transport<Form = never, Bytes = unknown> {
  readonly csrf: CsrfStore;
  // Properties, not methods: they use no `this`, so callers may pass them around detached.
  readonly url: (path: string, query?: Query) => string;
  readonly request: <T>(method: Method, path: string, options?: RequestOptions<T, Form, Bytes>) => Promise<T>;
  readonly download: (path: string) => Promise<Download<Bytes>>;
}

/** `+` for spaces, as a form-encoded query would have them. */
function encodeQueryPart(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** Appends the set values of `query`; empty strings, null and undefined are left out. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      parts.push(`${encodeQueryPart(key)}=${encodeQueryPart(String(value))}`);
    }
  }
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
}

/** The file name a Content-Disposition header gives, preferring its UTF-8 form. */
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

async function readJson(response: FetchResponse): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** JSON calls and downloads with the session cookie and, on writes, the CSRF token. */
export function createTransport<Form = never, Bytes = unknown>(
  options: TransportOptions<Form, Bytes>,
): Transport<Form, Bytes> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const csrf = options.csrf ?? memoryCsrfStore();

  function headersFor(method: Method, extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    const token = csrf.get();
    if (UNSAFE.has(method) && token) headers['X-CSRF-Token'] = token;
    return headers;
  }

  function fail(error: ApiError): never {
    if (error.isUnauthenticated) options.onUnauthenticated?.(error);
    throw error;
  }

  async function send(
    fetch: FetchLike<Form, Bytes>,
    url: string,
    method: Method,
    headers: Record<string, string>,
    body: string | Form | undefined,
  ): Promise<FetchResponse<Bytes>> {
    try {
      return await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(options.credentials ? { credentials: options.credentials } : {}),
      });
    } catch {
      throw new ApiError(0, 'network', 'network');
    }
  }

  const url = (path: string, query?: Query): string => base + withQuery(path, query);

  return {
    csrf,
    url,
    async request<T>(method: Method, path: string, call: RequestOptions<T, Form, Bytes> = {}): Promise<T> {
      const headers = headersFor(method, call.headers);
      let body: string | Form | undefined;
      if (call.form !== undefined) {
        // The host sets the multipart Content-Type with its boundary.
        body = call.form;
      } else if (call.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(call.body);
      }
      const response = await send(call.fetch ?? options.fetch, url(path, call.query), method, headers, body);
      const payload = await readJson(response);
      if (!response.ok) fail(apiErrorFromBody(response.status, payload));
      // Without a schema the caller asked for the raw JSON and names its type itself.
      if (!call.schema) return payload as T;
      const parsed = call.schema.safeParse(payload);
      if (!parsed.success) throw new ApiError(response.status, 'bad_response', parsed.error.message);
      return parsed.data;
    },
    async download(path: string): Promise<Download<Bytes>> {
      const response = await send(options.fetch, url(path), 'GET', headersFor('GET'), undefined);
      if (!response.ok) fail(apiErrorFromBody(response.status, await readJson(response)));
      let bytes: Bytes;
      try {
        bytes = await response.blob();
      } catch {
        throw new ApiError(0, 'network', 'network');
      }
      return { bytes, fileName: fileNameOf(response.headers.get('Content-Disposition')) };
    },
  };
}

/*
 * The slice of the WHATWG fetch API the client uses, declared here so core needs neither the DOM nor
 * Node typings: the global `fetch` of a browser or of Node 20 fits `FetchLike<FormData, Blob>` as is.
 */

export type FetchCredentials = 'omit' | 'same-origin' | 'include';

/** `Form` is the multipart body type of the host (FormData); core only passes it through. */
export interface FetchInit<Form = never> {
  method: string;
  headers: Record<string, string>;
  body?: string | Form;
  credentials?: FetchCredentials;
}

export interface FetchHeaders {
  get(name: string): string | null;
}

/** `Bytes` is what `blob()` yields on the host (Blob); only downloads read it. */
export interface FetchResponse<Bytes = unknown> {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: FetchHeaders;
  text(): Promise<string>;
  blob(): Promise<Bytes>;
}

export type FetchLike<Form = never, Bytes = unknown> = (
  url: string,
  init: FetchInit<Form>,
) => Promise<FetchResponse<Bytes>>;

import type { z } from 'zod';
import { fillPath, type AnyEndpoint, type BodySpec, type ResponseSpec } from '../endpoints/define.js';
import type { FetchLike } from './fetch-types.js';
import { withQuery, type Download, type Query, type Transport } from './transport.js';

type Part<K extends string, S, Form> = S extends z.ZodType
  ? { [key in K]: z.input<S> }
  : S extends 'multipart'
    ? { [key in K]: Form }
    : { [key in K]?: undefined };

/** What a call of that row sends: params, query and body typed from its schemas (a `Form` for uploads). */
export type CallInput<E extends AnyEndpoint, Form = never> = Part<'params', E['params'], Form> &
  Part<'query', E['query'], Form> &
  Part<'body', E['body'], Form>;

/** What a call of that row answers: the parsed response, a download, or nothing. */
export type CallOutput<R extends ResponseSpec, Bytes = unknown> = R extends z.ZodType
  ? z.output<R>
  : R extends 'file'
    ? Download<Bytes>
    : undefined;

export interface CallOptions<Form, Bytes> {
  headers?: Record<string, string>;
  /** Another transport for this call only, e.g. one that reports upload progress. */
  fetch?: FetchLike<Form, Bytes>;
}

function isSchema(spec: BodySpec | ResponseSpec): spec is z.ZodType {
  return typeof spec === 'object';
}

/** Calls one row of the endpoint table; the answer is checked against the row's response schema. */
export function callEndpoint<E extends AnyEndpoint, Form, Bytes>(
  transport: Transport<Form, Bytes>,
  endpoint: E,
  input: CallInput<E, Form>,
  options: CallOptions<Form, Bytes> = {},
): Promise<CallOutput<E['response'], Bytes>> {
  const { params, query, body } = input as {
    params?: Record<string, unknown>;
    query?: Query;
    body?: unknown;
  };
  const path = fillPath(endpoint.path, params);
  if (endpoint.response === 'file')
    return transport.download(withQuery(path, query)) as Promise<CallOutput<E['response'], Bytes>>;
  return transport.request(endpoint.method, path, {
    ...(query === undefined ? {} : { query }),
    ...(endpoint.body === 'multipart' ? { form: body as Form } : body === undefined ? {} : { body }),
    ...(isSchema(endpoint.response) ? { schema: endpoint.response } : {}),
    ...options,
  }) as Promise<CallOutput<E['response'], Bytes>>;
}

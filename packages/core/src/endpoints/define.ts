import type { z } from 'zod';
import type { Action } from '../permissions.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request body: a JSON schema, or a multipart upload whose `file` part carries the document. */
export type BodySpec = z.ZodType | 'multipart' | undefined;
/** An answer: a JSON schema, a file download, or nothing to read. */
export type ResponseSpec = z.ZodType | 'file' | undefined;

/**
 * One row of the endpoint table: everything the server registers, the OpenAPI describes, the client
 * calls and the authorisation matrix tests. Unit and tenant scope are not here: the resource's policy
 * on the server checks them.
 */
export interface Endpoint<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends BodySpec = BodySpec,
  R extends ResponseSpec = ResponseSpec,
> {
  /** The client method's name; unique across the table. */
  readonly name: string;
  readonly method: HttpMethod;
  /** Fastify style (`/api/units/:id`); OpenAPI shows `{id}`. */
  readonly path: string;
  /** The OpenAPI tag, i.e. the resource. */
  readonly tag: string;
  readonly summary?: string;
  /** The role permission the server's policy checks first; null: any signed-in user. */
  readonly permission: Action | null;
  /** Reachable without a session (sign-in, health). */
  readonly public: boolean;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly response: R;
  /** Success status. */
  readonly status: 200 | 201;
  /** Other success statuses answered with the same schema (a replayed create: 200; a degraded health check: 503). */
  readonly alsoAnswers: readonly number[];
  /** Error statuses the endpoint documents (each answers with ErrorResponse). */
  readonly errors: readonly number[];
  /** Request headers the endpoint reads (e.g. Idempotency-Key); the client sends them as call options. */
  readonly headers?: z.ZodType;
  /** For file answers: the media types and the ASCII file name for clients without RFC 5987. */
  readonly file?: { readonly produces: readonly string[]; readonly fallbackName: string };
  /** Answers with an ETag and 304 Not Modified (no body) when If-None-Match names it. */
  readonly notModified?: boolean;
}

export type AnyEndpoint = Endpoint;

interface Row<P, Q, B, R> {
  name: string;
  method: HttpMethod;
  path: string;
  tag: string;
  summary?: string;
  permission: Action | null;
  public?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  status?: 200 | 201;
  alsoAnswers?: readonly number[];
  errors?: readonly number[];
  headers?: z.ZodType;
  file?: { produces: readonly string[]; fallbackName: string };
  notModified?: boolean;
}

/** Declares a row with defaults (signed-in, 200, no params, query or body). */
export function endpoint<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends BodySpec = undefined,
  R extends ResponseSpec = undefined,
>(row: Row<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return {
    name: row.name,
    method: row.method,
    path: row.path,
    tag: row.tag,
    ...(row.summary === undefined ? {} : { summary: row.summary }),
    permission: row.permission,
    public: row.public ?? false,
    params: row.params as P,
    query: row.query as Q,
    body: row.body as B,
    response: row.response as R,
    status: row.status ?? 200,
    alsoAnswers: row.alsoAnswers ?? [],
    errors: row.errors ?? [],
    ...(row.headers === undefined ? {} : { headers: row.headers }),
    ...(row.file === undefined ? {} : { file: row.file }),
    ...(row.notModified === undefined ? {} : { notModified: row.notModified }),
  };
}

/** `/api/units/:id` → `/api/units/{id}`, as OpenAPI and the matrix test write it. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** The path with its parameters filled in, each encoded. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params?.[key];
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`${path}: missing path parameter ${key}`);
    return encodeURIComponent(String(value));
  });
}

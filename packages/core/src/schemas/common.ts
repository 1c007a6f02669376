import { z } from 'zod';

export const Id = z.uuid();
export const IsoDate = z.iso.date();
export const Version = z.int().min(1);

export const IdParams = z.object({ id: Id });

/** 304: unchanged since the ETag sent in If-None-Match; no body. */
export const NotModified = z.null();

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

export const OkResponse = z.object({ ok: z.literal(true) });

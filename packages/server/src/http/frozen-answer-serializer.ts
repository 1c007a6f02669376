import { serializerCompiler } from 'fastify-type-provider-zod';

type SerializerCompiler = typeof serializerCompiler;

/**
 * The response serializer (each answer checked against its endpoint's zod schema, then written as JSON), with
 * one addition: an answer that is frozen cannot change, so a route serializes it once and writes the same text
 * whenever the same object is answered again (a page of the task list answered from the page cache,
 * services/task-page-cache.ts). Per route, since the text depends on the route's schema; held weakly, so the
 * text goes when the answer does.
 */
export const frozenAnswerSerializer: SerializerCompiler = (route) => {
  const serialize = serializerCompiler(route);
  const written = new WeakMap<object, string>();
  return (data: unknown) => {
    if (typeof data !== 'object' || data === null || !Object.isFrozen(data)) return serialize(data);
    const known = written.get(data);
    if (known !== undefined) return known;
    const text = serialize(data);
    written.set(data, text);
    return text;
  };
};

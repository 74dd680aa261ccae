import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifySerializerCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { isDeeplyFrozen, LruCache } from './metric-cache.ts';

/** How many canonical responses each route remembers (32 bytes each). */
const REMEMBERED = 5_000;

/**
 * The serialized body of each cached response (deeply frozen, metric-cache.ts: the same object always
 * serializes the same), by the schema it was encoded with; its bytes once it was sent.
 */
const bodies = new WeakMap<object, { schema: unknown; text: string; bytes: Buffer | null }>();

/**
 * The app's zod response serializer (encode with the response schema, then JSON.stringify), for
 * responses that are large and repeat: the metric views. Encoding a large response walks every value
 * through its schema (milliseconds for a year of weeks), and a dashboard asks for the same response
 * again and again. Encoding the same JSON always gives the same result, so once a response's
 * `JSON.stringify` was found to be exactly what encoding gives (the service built it in the schema's
 * shape: nothing to strip, keys in the schema's order), its hash is remembered, and a response with
 * the same JSON is sent as it is. Anything else goes through the encoder as before, errors included.
 * A response the services serve from their caches is deeply frozen, so its body is kept with the
 * object itself and not even stringified again.
 */
export function canonicalSerializerCompiler<T>(routeSchema: Parameters<FastifySerializerCompiler<T>>[0]) {
  const encode = serializerCompiler(routeSchema as unknown as Parameters<typeof serializerCompiler>[0]);
  const schema = routeSchema.schema;
  const canonical = new LruCache<true>(REMEMBERED);
  return (data: unknown) => {
    if (isDeeplyFrozen(data)) {
      const known = bodies.get(data);
      if (known?.schema === schema) return known.text;
      const text = serialize(data);
      bodies.set(data, { schema, text, bytes: null });
      return text;
    }
    return serialize(data);
  };

  function serialize(data: unknown): string {
    let json: string | undefined;
    try {
      json = JSON.stringify(data);
    } catch {
      return encode(data);
    }
    if (typeof json !== 'string') return encode(data);
    const hash = createHash('sha256').update(json).digest('base64');
    if (canonical.get(hash)) return json;
    const encoded = encode(data);
    if (encoded === json) canonical.set(hash, true);
    return encoded;
  }
}

/**
 * Hooks for the routes that use canonicalSerializerCompiler: a cached response is sent as the bytes
 * kept with it, so its body is not encoded to UTF-8 again for every request (for a year of weeks that
 * costs about as much as a database round trip). Only the exact text serialized for the response is
 * swapped for its bytes; anything else (an error, another hook's payload) is sent as it is.
 */
export function sendCachedBodies(app: FastifyInstance): void {
  const sending = new WeakMap<object, object>();
  app.addHook('preSerialization', (_request, reply, payload, done) => {
    if (isDeeplyFrozen(payload)) sending.set(reply, payload);
    done(null, payload);
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    const data = sending.get(reply);
    const body = data === undefined ? undefined : bodies.get(data);
    if (body === undefined || body.text !== payload) {
      done(null, payload);
      return;
    }
    body.bytes ??= Buffer.from(body.text);
    done(null, body.bytes);
  });
}

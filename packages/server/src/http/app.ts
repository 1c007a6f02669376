import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { frozenAnswerSerializer } from './frozen-answer-serializer.js';
import type { Deps } from '../services/deps.js';
import { registerAuthHook } from './auth-hook.js';
import { handleError } from './error-handler.js';
import { registerInputGuard } from './input-guard.js';
import { registerRoutes } from './routes/index.js';
import { registerWebApp } from './web-app.js';

export interface AppOptions {
  secureCookies: boolean;
  logger?: FastifyServerOptions['logger'];
  /** The built web app to serve beside the API; null for none. */
  webDir?: string | null;
  log?: (line: string) => void;
  /** Trust X-Forwarded-* from these proxies (fastify's trustProxy): client address and protocol. */
  trustProxy?: boolean | string;
  /** Serve HTTPS natively with this key and certificate chain (PEM). */
  https?: { key: Buffer; cert: Buffer };
}

const registered = new WeakMap<FastifyInstance, string[]>();

/** Every route the app registered, as `METHOD /path` (HEAD twins left out): the contract test compares them with the table. */
export function registeredRoutes(app: FastifyInstance): readonly string[] {
  return registered.get(app) ?? [];
}

export async function buildApp(deps: Deps, options: AppOptions): Promise<FastifyInstance> {
  const base = {
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  };
  // An HTTPS instance differs from an HTTP one only in its server's type; the routes see the same API.
  const app = (options.https
    ? Fastify({ ...base, https: options.https })
    : Fastify(base)) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(frozenAnswerSerializer);
  app.setErrorHandler(handleError);

  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: Math.max(deps.maxUploadBytes, deps.maxAttachmentBytes), files: 1, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Yaodian API',
        version: '1.0.0',
        description: 'Plans, tasks and progress reports of a health commission',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yd_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  const routes: string[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
    staticCSP: true,
  });

  registerAuthHook(app, deps);
  registerInputGuard(app);
  await registerRoutes(app, deps, options);
  await registerWebApp(app, options.webDir ?? null, options.log ?? (() => undefined));
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  return app;
}

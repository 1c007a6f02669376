import {
  ChangePasswordRequest,
  CsrfResponse,
  ErrorResponse,
  LoginRequest,
  LoginResponse,
  Me,
  OkResponse,
} from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import { changePassword, login, logout, SESSION_MAX_MS } from '../../../services/auth-service.js';
import { getMe } from '../../../services/me-service.js';
import { actorOf, csrfTokenOf, SESSION_COOKIE, sessionIdOf } from '../../auth-hook.js';

export function authRoutes(deps: Deps, secureCookies: boolean): FastifyPluginAsyncZod {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies } as const;
  return (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          body: LoginRequest,
          response: { 200: LoginResponse, 401: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const session = await login(deps, request.body, request.ip);
        void reply.setCookie(SESSION_COOKIE, session.cookie, {
          ...cookieOptions,
          // Secure whenever the request came over HTTPS, directly or through the trusted proxy.
          secure: secureCookies || request.protocol === 'https',
          maxAge: SESSION_MAX_MS / 1000,
        });
        return { user: await getMe(deps, session.actor), csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], response: { 200: OkResponse } } },
      async (request, reply) => {
        await logout(deps, actorOf(request), sessionIdOf(request));
        void reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return { ok: true as const };
      },
    );

    app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: Me } } }, (request) =>
      getMe(deps, actorOf(request)),
    );

    app.get('/api/auth/csrf', { schema: { tags: ['auth'], response: { 200: CsrfResponse } } }, (request) => ({
      csrfToken: csrfTokenOf(request),
    }));

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          body: ChangePasswordRequest,
          response: { 200: OkResponse, 401: ErrorResponse },
        },
      },
      async (request) => {
        await changePassword(deps, actorOf(request), sessionIdOf(request), request.body);
        return { ok: true as const };
      },
    );
    return Promise.resolve();
  };
}

import { authEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { changePassword, login, logout } from '../../../services/auth-service.js';
import { getMe } from '../../../services/me-service.js';
import { csrfTokenOf, SESSION_COOKIE, sessionIdOf } from '../../auth-hook.js';
import { register } from '../../register.js';

export function authRoutes(deps: Deps, secureCookies: boolean): FastifyPluginAsync {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies } as const;
  return (app) => {
    register(app, e.login, async ({ body, request, reply }) => {
      const session = await login(deps, body, request.ip);
      void reply.setCookie(SESSION_COOKIE, session.cookie, {
        ...cookieOptions,
        // Secure whenever the request came over HTTPS, directly or through the trusted proxy.
        secure: secureCookies || request.protocol === 'https',
        maxAge: session.maxAgeSeconds,
      });
      return { user: await getMe(deps, session.actor), csrfToken: session.csrfToken };
    });

    register(app, e.logout, async ({ actor, request, reply }) => {
      await logout(deps, actor, sessionIdOf(request));
      void reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    });

    register(app, e.me, ({ actor }) => getMe(deps, actor));

    register(app, e.csrf, ({ request }) => ({ csrfToken: csrfTokenOf(request) }));

    register(app, e.changePassword, async ({ actor, request, body }) => {
      await changePassword(deps, actor, sessionIdOf(request), body);
      return { ok: true as const };
    });
    return Promise.resolve();
  };
}

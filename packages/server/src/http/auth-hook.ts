import { authEndpoints } from '@yaodian/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from '../messaging/password-messages.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { recordSecurityEvent } from '../services/audit-service.js';
import { csrfMatches, resolveSession } from '../services/auth-service.js';
import type { Deps } from '../services/deps.js';
import { ERRORS } from '../messaging/error-messages.js';

export const SESSION_COOKIE = 'yd_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: { actor: Actor; sessionId: string; csrfToken: string } | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, API docs). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a user whose password must be changed may still call. */
const WHILE_PASSWORD_CHANGE = new Set(
  [authEndpoints.changePassword, authEndpoints.me, authEndpoints.csrf, authEndpoints.logout].map(
    (row) => `${row.method} ${row.path}`,
  ),
);

/**
 * The web app's Content-Security-Policy. Scripts come only from our own origin: no inline script, no eval,
 * so index.html stays one static, precompressed file with no per-request nonce. Styles allow 'unsafe-inline'
 * because antd writes its component styles into <style> elements at run time (CSS-in-JS); a style cannot run
 * script, and everything else is locked to our origin (docs/SECURITY.md, 通信传输).
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
/** The API's JSON renders nothing. (Downloads keep no policy, so the browser's own PDF viewer shows evidence.) */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Every /api route needs a live session, and every state-changing one its CSRF token, unless marked public. */
export function registerAuthHook(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('session', null);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    // The API docs page (swagger-ui) sets its own policy, with hashes for its inline script.
    if (!reply.hasHeader('content-security-policy')) {
      if (!request.url.startsWith('/api/')) void reply.header('content-security-policy', WEB_CSP);
      else if (String(reply.getHeader('content-type') ?? '').includes('json'))
        void reply.header('content-security-policy', API_CSP);
    }
    // Over HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto): browsers keep to HTTPS.
    if (request.protocol === 'https')
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // API answers are per user: never kept by a shared cache. A route with an ETag says `private, no-cache`.
    if (
      request.url.startsWith('/api/') &&
      !request.url.startsWith('/api/docs') &&
      !reply.hasHeader('cache-control')
    )
      void reply.header('cache-control', 'no-store');
  });
  app.addHook('onRequest', async (request) => {
    // No route (a 404) or a public one: nothing to protect.
    if (
      request.routeOptions.url === undefined ||
      request.routeOptions.config.public ||
      !request.url.startsWith('/api/')
    )
      return;
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) throw new AppError('unauthenticated', ERRORS.auth.signInFirst);
    const session = await resolveSession(deps, cookie);
    if (
      !SAFE_METHODS.has(request.method) &&
      !csrfMatches(session.csrfToken, headerOf(request, CSRF_HEADER))
    ) {
      await recordSecurityEvent(deps, session.actor, 'csrf.failure', detailOf(request));
      throw new AppError('csrf_failed', ERRORS.auth.csrf(CSRF_HEADER));
    }
    request.session = { actor: session.actor, sessionId: session.sessionId, csrfToken: session.csrfToken };
    // A reset or expired password: nothing but changing it (and reading oneself, signing out) until it is.
    if (session.passwordChange && !WHILE_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url}`))
      throw new AppError(
        'password_change_required',
        PASSWORD_CHANGE_REQUIRED_MESSAGE[session.passwordChange],
        {
          details: { reason: session.passwordChange },
        },
      );
  });
  // Every permission denial of a signed-in user is audited (等保: 访问控制 / 安全审计).
  app.addHook('onError', async (request, _reply, error) => {
    if (request.session && error instanceof AppError && error.code === 'forbidden')
      await recordSecurityEvent(deps, request.session.actor, 'access.denied', detailOf(request));
  });
}

function detailOf(request: FastifyRequest): { method: string; route: string; ip: string } {
  return { method: request.method, route: request.routeOptions.url ?? request.url, ip: request.ip };
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The signed-in actor; routes behind the hook always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('unauthenticated', ERRORS.auth.signInFirst);
  return request.session.actor;
}

export function csrfTokenOf(request: FastifyRequest): string {
  if (!request.session) throw new AppError('unauthenticated', ERRORS.auth.signInFirst);
  return request.session.csrfToken;
}

export function sessionIdOf(request: FastifyRequest): string {
  if (!request.session) throw new AppError('unauthenticated', ERRORS.auth.signInFirst);
  return request.session.sessionId;
}

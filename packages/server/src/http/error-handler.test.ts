import Fastify from 'fastify';
import { COMMON_ERRORS } from '../messaging/error-messages.js';
import { describe, expect, it } from 'vitest';
import { handleError } from './error-handler.js';

function appThrowing(error: unknown) {
  const app = Fastify({ logger: false });
  app.setErrorHandler(handleError);
  app.get('/boom', () => {
    throw error;
  });
  return app;
}

const dbError = (code: string) =>
  Object.assign(new Error(`duplicate key value violates unique constraint "users_tenant_id_username_key"`), {
    code,
  });

describe('error handler', () => {
  it('turns a unique violation from a race into 409 duplicate without naming the constraint', async () => {
    const response = await appThrowing(dbError('23505')).inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'duplicate' } });
    expect(response.body).not.toContain('users_tenant_id_username_key');
  });

  it('turns check and foreign-key violations into 400 and a serialization failure into 409', async () => {
    expect((await appThrowing(dbError('23514')).inject({ method: 'GET', url: '/boom' })).statusCode).toBe(
      400,
    );
    expect((await appThrowing(dbError('23503')).inject({ method: 'GET', url: '/boom' })).statusCode).toBe(
      400,
    );
    expect(
      (await appThrowing(dbError('40001')).inject({ method: 'GET', url: '/boom' })).json(),
    ).toMatchObject({
      error: { code: 'state_conflict' },
    });
  });

  it('answers anything else with a bare 500', async () => {
    const response = await appThrowing(new TypeError('cannot read x of undefined at /srv/app.js:12')).inject({
      method: 'GET',
      url: '/boom',
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal', message: COMMON_ERRORS.internal },
    });
  });
});

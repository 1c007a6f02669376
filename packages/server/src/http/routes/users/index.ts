import { userEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  createUser,
  listTenantUsers,
  resetPassword,
  setUserActive,
  setUserRole,
  unlockUser,
  updateUser,
} from '../../../services/user-service.js';
import { register } from '../../register.js';

export function userRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.users, ({ actor }) => listTenantUsers(deps, actor));
    register(app, e.createUser, ({ actor, body }) => createUser(deps, actor, body));
    register(app, e.updateUser, ({ actor, params, body }) => updateUser(deps, actor, params.id, body));
    register(app, e.setUserRole, ({ actor, params, body }) => setUserRole(deps, actor, params.id, body));
    register(app, e.setUserActive, ({ actor, params, body }) => setUserActive(deps, actor, params.id, body));
    register(app, e.resetPassword, async ({ actor, params, body }) => {
      await resetPassword(deps, actor, params.id, body.newPassword);
      return { ok: true as const };
    });
    register(app, e.unlockUser, async ({ actor, params }) => {
      await unlockUser(deps, actor, params.id);
      return { ok: true as const };
    });
    return Promise.resolve();
  };
}

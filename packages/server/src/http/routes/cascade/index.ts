import { cascadeEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import {
  cascadeRollup,
  putTargetQuotas,
  putTenantWeights,
  targetQuotas,
  tenantWeights,
} from '../../../services/cascade-rollup-service.js';
import {
  acceptCascadeChange,
  cascadeInbox,
  cascadePreview,
  linkCascadeTask,
  parentTasks,
  pushCascade,
} from '../../../services/cascade-service.js';
import type { Deps } from '../../../services/deps.js';
import { register } from '../../register.js';

export function cascadeRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.cascadePreview, ({ actor, params }) => cascadePreview(deps, actor, params.planId));
    register(app, e.pushCascade, ({ actor, params, body }) => pushCascade(deps, actor, params.planId, body));
    register(app, e.cascadeRollup, ({ actor, params }) => cascadeRollup(deps, actor, params.planId));
    register(app, e.targetQuotas, ({ actor, params }) =>
      targetQuotas(deps, actor, params.planId, params.targetId),
    );
    register(app, e.putTargetQuotas, ({ actor, params, body }) =>
      putTargetQuotas(deps, actor, params.planId, params.targetId, body),
    );
    register(app, e.tenantWeights, ({ actor }) => tenantWeights(deps, actor));
    register(app, e.putTenantWeights, ({ actor, body }) => putTenantWeights(deps, actor, body));
    register(app, e.cascadeInbox, ({ actor }) => cascadeInbox(deps, actor));
    register(app, e.acceptCascadeChange, ({ actor, params, body }) =>
      acceptCascadeChange(deps, actor, params.itemId, body.fingerprint),
    );
    register(app, e.parentTasks, ({ actor }) => parentTasks(deps, actor));
    register(app, e.linkCascadeTask, ({ actor, body }) => linkCascadeTask(deps, actor, body));
    return Promise.resolve();
  };
}

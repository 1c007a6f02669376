import { itemEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  addItem,
  mergeItem,
  moveItem,
  removeItem,
  setAssignments,
  splitItem,
  updateItem,
} from '../../../services/item-service.js';
import { register } from '../../register.js';

export function itemRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.updateItem, ({ actor, params, body }) =>
      updateItem(deps, actor, params.planId, params.itemId, body),
    );
    register(app, e.moveItem, ({ actor, params, body }) =>
      moveItem(deps, actor, params.planId, params.itemId, body),
    );
    register(app, e.mergeItem, ({ actor, params, body }) =>
      mergeItem(deps, actor, params.planId, params.itemId, body),
    );
    register(app, e.splitItem, ({ actor, params, body }) =>
      splitItem(deps, actor, params.planId, params.itemId, body),
    );
    register(app, e.addItem, ({ actor, params, body }) => addItem(deps, actor, params.planId, body));
    register(app, e.deleteItem, ({ actor, params, query }) =>
      removeItem(deps, actor, params.planId, params.itemId, query.version),
    );
    register(app, e.setAssignments, ({ actor, params, body }) =>
      setAssignments(deps, actor, params.planId, params.itemId, body),
    );
    return Promise.resolve();
  };
}

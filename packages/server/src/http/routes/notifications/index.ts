import { notificationEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  myNotifications,
  myNotificationSettings,
  outboundMessages,
  planReminders,
  readAllMyNotifications,
  readMyNotification,
  setMyNotificationSettings,
  setPlanReminders,
  setUnitRobots,
  unitRobots,
} from '../../../services/notification-service.js';
import { register } from '../../register.js';

export function notificationRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.notifications, ({ actor, query }) => myNotifications(deps, actor, query));
    register(app, e.markNotificationRead, ({ actor, params }) => readMyNotification(deps, actor, params.id));
    register(app, e.markAllNotificationsRead, ({ actor }) => readAllMyNotifications(deps, actor));
    register(app, e.notificationSettings, ({ actor }) => myNotificationSettings(deps, actor));
    register(app, e.updateNotificationSettings, ({ actor, body }) =>
      setMyNotificationSettings(deps, actor, body),
    );
    register(app, e.planReminders, ({ actor, params }) => planReminders(deps, actor, params.planId));
    register(app, e.updatePlanReminders, ({ actor, params, body }) =>
      setPlanReminders(deps, actor, params.planId, body),
    );
    register(app, e.unitRobots, ({ actor, params }) => unitRobots(deps, actor, params.unitId));
    register(app, e.updateUnitRobots, ({ actor, params, body }) =>
      setUnitRobots(deps, actor, params.unitId, body.robots),
    );
    register(app, e.outboundMessages, ({ actor }) => outboundMessages(deps, actor));
    return Promise.resolve();
  };
}

import { calendarEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import { clearCalendarDay, setCalendarDay, workingCalendar } from '../../../services/calendar-service.js';
import type { Deps } from '../../../services/deps.js';
import { register } from '../../register.js';

export function calendarRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.workingCalendar, ({ actor, query }) => workingCalendar(deps, actor, query.year));
    register(app, e.setCalendarDay, ({ actor, params, body }) =>
      setCalendarDay(deps, actor, params.date, body),
    );
    register(app, e.clearCalendarDay, ({ actor, params }) => clearCalendarDay(deps, actor, params.date));
    return Promise.resolve();
  };
}

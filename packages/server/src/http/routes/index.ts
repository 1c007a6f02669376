import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../services/deps.js';
import type { AppOptions } from '../app.js';
import { auditRoutes } from './audit/index.js';
import { authRoutes } from './auth/index.js';
import { commentRoutes } from './comments/index.js';
import { planReportRoutes } from './plans/exports.js';
import { healthRoutes } from './health/index.js';
import { itemRoutes } from './items/index.js';
import { notificationRoutes } from './notifications/index.js';
import { planRoutes } from './plans/index.js';
import { periodRoutes } from './periods/index.js';
import { attachmentRoutes } from './reports/attachments.js';
import { reportRoutes } from './reports/index.js';
import { targetRoutes } from './targets/index.js';
import { taskRoutes } from './tasks/index.js';
import { unitRoutes } from './units/index.js';
import { userRoutes } from './users/index.js';

export async function registerRoutes(app: FastifyInstance, deps: Deps, options: AppOptions): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(healthRoutes(deps));
  await typed.register(authRoutes(deps, options.secureCookies));
  await typed.register(planRoutes(deps));
  await typed.register(itemRoutes(deps));
  await typed.register(targetRoutes(deps));
  await typed.register(periodRoutes(deps));
  await typed.register(taskRoutes(deps));
  await typed.register(reportRoutes(deps));
  await typed.register(attachmentRoutes(deps));
  await typed.register(commentRoutes(deps));
  await typed.register(planReportRoutes(deps));
  await typed.register(auditRoutes(deps));
  await typed.register(unitRoutes(deps));
  await typed.register(userRoutes(deps));
  await typed.register(notificationRoutes(deps));
}

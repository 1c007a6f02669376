import { attachmentEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import { attach, detach, listAttachments, readAttachment } from '../../../services/attachment-service.js';
import type { Deps } from '../../../services/deps.js';
import { register } from '../../register.js';

export function attachmentRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.attachments, ({ actor, params }) => listAttachments(deps, actor, params.id));
    register(app, e.uploadAttachment, ({ actor, params, body }) => attach(deps, actor, params.id, body));
    register(app, e.downloadAttachment, ({ actor, params }) => readAttachment(deps, actor, params.id));
    register(app, e.deleteAttachment, async ({ actor, params }) => {
      await detach(deps, actor, params.id);
      return { ok: true as const };
    });
    return Promise.resolve();
  };
}

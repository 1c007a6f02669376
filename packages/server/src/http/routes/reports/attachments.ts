import { attachmentEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import { attach, listAttachments, readAttachment } from '../../../services/attachment-service.js';
import type { Deps } from '../../../services/deps.js';
import { register } from '../../register.js';

export function attachmentRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.attachments, ({ actor, params }) => listAttachments(deps, actor, params.id));
    register(app, e.uploadAttachment, ({ actor, params, body }) => attach(deps, actor, params.id, body));
    register(app, e.downloadAttachment, ({ actor, params }) => readAttachment(deps, actor, params.id));
    return Promise.resolve();
  };
}

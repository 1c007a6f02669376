import { AuditList, AuditQuery } from '../schemas/audit.js';
import { endpoint } from './define.js';

export const auditEndpoints = {
  audit: endpoint({
    name: 'audit',
    method: 'GET',
    path: '/api/audit',
    tag: 'audit',
    summary: 'The audit log, newest first (read-only)',
    permission: 'audit.read',
    query: AuditQuery,
    response: AuditList,
    errors: [403],
  }),
} as const;

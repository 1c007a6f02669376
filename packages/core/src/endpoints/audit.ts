import { AuditList, AuditQuery, AuditVerification } from '../schemas/audit.js';
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
  verifyAudit: endpoint({
    name: 'verifyAudit',
    method: 'GET',
    path: '/api/audit/verify',
    tag: 'audit',
    summary: "Checks the commission's audit hash chain and names the first broken link",
    permission: 'audit.read',
    response: AuditVerification,
    errors: [403],
  }),
} as const;

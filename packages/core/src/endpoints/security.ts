import { PasswordPolicy, UpdatePasswordPolicyRequest } from '../schemas/security.js';
import { endpoint } from './define.js';

export const securityEndpoints = {
  passwordPolicy: endpoint({
    name: 'passwordPolicy',
    method: 'GET',
    path: '/api/security/password-policy',
    tag: 'security',
    summary: "The commission's password and session policy",
    permission: 'security.policy',
    response: PasswordPolicy,
    errors: [403],
  }),
  setPasswordPolicy: endpoint({
    name: 'setPasswordPolicy',
    method: 'PUT',
    path: '/api/security/password-policy',
    tag: 'security',
    summary: 'Sets the password and session policy (security administrator)',
    permission: 'security.policy',
    body: UpdatePasswordPolicyRequest,
    response: PasswordPolicy,
    errors: [400, 403, 409],
  }),
} as const;

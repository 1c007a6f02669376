import { ChangePasswordRequest, CsrfResponse, LoginRequest, LoginResponse, Me } from '../schemas/auth.js';
import { OkResponse } from '../schemas/common.js';
import { Health } from '../client/responses.js';
import { endpoint } from './define.js';

export const authEndpoints = {
  health: endpoint({
    name: 'health',
    method: 'GET',
    path: '/api/health',
    tag: 'health',
    permission: null,
    public: true,
    response: Health,
    alsoAnswers: [503],
  }),
  login: endpoint({
    name: 'login',
    method: 'POST',
    path: '/api/auth/login',
    tag: 'auth',
    permission: null,
    public: true,
    body: LoginRequest,
    response: LoginResponse,
    errors: [401, 429],
  }),
  logout: endpoint({
    name: 'logout',
    method: 'POST',
    path: '/api/auth/logout',
    tag: 'auth',
    permission: null,
    response: OkResponse,
  }),
  me: endpoint({
    name: 'me',
    method: 'GET',
    path: '/api/auth/me',
    tag: 'auth',
    permission: null,
    response: Me,
  }),
  csrf: endpoint({
    name: 'csrf',
    method: 'GET',
    path: '/api/auth/csrf',
    tag: 'auth',
    permission: null,
    response: CsrfResponse,
  }),
  changePassword: endpoint({
    name: 'changePassword',
    method: 'POST',
    path: '/api/auth/password',
    tag: 'auth',
    permission: null,
    body: ChangePasswordRequest,
    response: OkResponse,
    errors: [401],
  }),
} as const;

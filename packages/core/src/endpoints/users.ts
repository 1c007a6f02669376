import { IdParams, OkResponse } from '../schemas/common.js';
import {
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  User,
  UserList,
} from '../schemas/users.js';
import { endpoint } from './define.js';

export const userEndpoints = {
  users: endpoint({
    name: 'users',
    method: 'GET',
    path: '/api/users',
    tag: 'users',
    permission: 'user.manage',
    response: UserList,
    errors: [403],
  }),
  createUser: endpoint({
    name: 'createUser',
    method: 'POST',
    path: '/api/users',
    tag: 'users',
    permission: 'user.manage',
    body: CreateUserRequest,
    response: User,
    status: 201,
    errors: [400, 403, 409],
  }),
  updateUser: endpoint({
    name: 'updateUser',
    method: 'PATCH',
    path: '/api/users/:id',
    tag: 'users',
    permission: 'user.manage',
    params: IdParams,
    body: UpdateUserRequest,
    response: User,
    errors: [400, 403, 404, 409],
  }),
  resetPassword: endpoint({
    name: 'resetPassword',
    method: 'POST',
    path: '/api/users/:id/password',
    tag: 'users',
    permission: 'user.manage',
    params: IdParams,
    body: ResetPasswordRequest,
    response: OkResponse,
    errors: [400, 403, 404],
  }),
} as const;

import { IdParams } from '../schemas/common.js';
import { CreateChildTenantRequest, SetTenantActiveRequest, Tenant, TenantList } from '../schemas/tenants.js';
import { endpoint } from './define.js';

export const tenantEndpoints = {
  tenants: endpoint({
    name: 'tenants',
    method: 'GET',
    path: '/api/tenants',
    tag: 'tenants',
    summary: 'The operator: its commission and every one below; an administrator: its direct children',
    permission: 'tenant.read',
    response: TenantList,
  }),
  createTenant: endpoint({
    name: 'createTenant',
    method: 'POST',
    path: '/api/tenants',
    tag: 'tenants',
    permission: 'tenant.manage',
    body: CreateChildTenantRequest,
    response: Tenant,
    status: 201,
    errors: [400, 403, 404, 409],
  }),
  setTenantActive: endpoint({
    name: 'setTenantActive',
    method: 'PUT',
    path: '/api/tenants/:id/active',
    tag: 'tenants',
    permission: 'tenant.manage',
    params: IdParams,
    body: SetTenantActiveRequest,
    response: Tenant,
    errors: [400, 403, 404],
  }),
} as const;

import { IdParams } from '../schemas/common.js';
import {
  CreateUnitRequest,
  PutUnitGroupRequest,
  Unit,
  UnitGroup,
  UnitGroupList,
  UnitList,
  UpdateUnitRequest,
} from '../schemas/units.js';
import { endpoint } from './define.js';

export const unitEndpoints = {
  units: endpoint({
    name: 'units',
    method: 'GET',
    path: '/api/units',
    tag: 'units',
    permission: 'unit.read',
    response: UnitList,
  }),
  createUnit: endpoint({
    name: 'createUnit',
    method: 'POST',
    path: '/api/units',
    tag: 'units',
    permission: 'unit.manage',
    body: CreateUnitRequest,
    response: Unit,
    status: 201,
    errors: [400, 403, 409],
  }),
  unitGroups: endpoint({
    name: 'unitGroups',
    method: 'GET',
    path: '/api/unit-groups',
    tag: 'units',
    permission: 'unit.read',
    response: UnitGroupList,
  }),
  saveUnitGroup: endpoint({
    name: 'saveUnitGroup',
    method: 'PUT',
    path: '/api/unit-groups',
    tag: 'units',
    permission: 'unit.manage',
    body: PutUnitGroupRequest,
    response: UnitGroup,
    errors: [400, 403],
  }),
  updateUnit: endpoint({
    name: 'updateUnit',
    method: 'PATCH',
    path: '/api/units/:id',
    tag: 'units',
    permission: 'unit.manage',
    params: IdParams,
    body: UpdateUnitRequest,
    response: Unit,
    errors: [400, 403, 404, 409],
  }),
} as const;

import { AppError } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { findPlanOwner } from '../repositories/plan-repository.js';
import { listAliases, listUnits } from '../repositories/unit-repository.js';
import { findActiveOperator, findTenantByCode, findUserUnitIds } from '../repositories/user-repository.js';
import type { Deps } from './deps.js';

// The machine's operator (the CLI, run on the server with its database credentials) names commissions,
// users and units by code and name; these look-ups turn them into the actor and ids the services take.
// They are not reachable over HTTP: a request's actor always comes from its session.

/** The commission with this code. */
export async function commissionByCode(
  deps: Pick<Deps, 'db'>,
  code: string,
): Promise<{ id: string; name: string }> {
  const tenant = await findTenantByCode(deps.db, code);
  if (!tenant)
    throw new AppError('not_found', `找不到代码为 "${code}" 的单位（--tenant）`, { field: 'tenant' });
  return tenant;
}

/** Who an operator's command acts as: the named active user, or the commission's first active admin. */
export async function operatorActor(
  deps: Pick<Deps, 'db'>,
  tenantId: string,
  username: string | undefined,
): Promise<Actor> {
  const user = await findActiveOperator(deps.db, tenantId, username);
  if (!user)
    throw new AppError(
      'not_found',
      username
        ? `找不到启用的用户 "${username}"（--user）`
        : '该单位没有启用的管理员，请用 --user 指定操作用户',
      { field: 'user' },
    );
  return {
    tenantId,
    userId: user.id,
    role: user.role,
    unitIds: await findUserUnitIds(deps.db, tenantId, user.id),
  };
}

/** The commission a plan belongs to and its title, looked up by the plan's id alone. */
export async function planOwner(
  deps: Pick<Deps, 'db'>,
  planId: string,
): Promise<{ tenantId: string; title: string }> {
  const plan = await findPlanOwner(deps.db, planId);
  if (!plan) throw new AppError('not_found', `找不到计划 ${planId}`, { field: 'plan' });
  return { tenantId: plan.tenant_id, title: plan.title };
}

/** Unit names or aliases to ids, in order; every unknown name is listed. */
export async function unitIdsByName(
  deps: Pick<Deps, 'db'>,
  tenantId: string,
  names: readonly string[],
): Promise<string[]> {
  if (names.length === 0) return [];
  const [units, aliases] = await Promise.all([listUnits(deps.db, tenantId), listAliases(deps.db, tenantId)]);
  const byName = new Map<string, string>([
    ...aliases.map((a): [string, string] => [a.alias, a.unit_id]),
    ...units.map((u): [string, string] => [u.name, u.id]),
  ]);
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0)
    throw new AppError('not_found', `找不到单位（--unit）: ${unknown.join('、')}`, { field: 'unit' });
  return names.map((n) => byName.get(n) ?? '');
}

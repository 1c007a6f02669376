import type { PasswordPolicy } from '@yaodian/core';

/** The policy as the API answers it (the service already holds it in that shape; this fixes its field order). */
export function presentPasswordPolicy(policy: PasswordPolicy): PasswordPolicy {
  return {
    minLength: policy.minLength,
    minClasses: policy.minClasses,
    history: policy.history,
    expiryDays: policy.expiryDays,
    forceChangeAfterReset: policy.forceChangeAfterReset,
    idleMinutes: policy.idleMinutes,
    absoluteHours: policy.absoluteHours,
    version: policy.version,
    updatedAt: policy.updatedAt,
  };
}

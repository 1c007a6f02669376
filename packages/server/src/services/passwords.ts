import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id (m=19 MiB, t=2, p=1: the OWASP minimum).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the user name is unknown, so timing does not reveal which names exist. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$KSW2QFnmAoAL0YY5C1KnTg$FLeMEGFPS6vBwPN/H23s7otjZbV8fJgW3cqlMDTso2Q';

import type { User } from './records.ts';
import type { Store } from './store/engine.ts';

/**
 * Admin changes to users and departments. Both tables are versioned rows (ReplacingMergeTree by
 * `version`): every change is a new row, so the previous state stays readable until a merge and
 * the audit log says who changed what.
 */

export interface DepartmentChange {
  id: string;
  parentId: string;
  name: string;
  /** A deleted department keeps its row with `deleted = 1`, so history and audit still resolve it. */
  deleted?: boolean;
}

/** Versions grow strictly within this process, so two changes in one millisecond keep their order. */
let lastVersion = 0;
export function nextVersion(now = Date.now()): number {
  lastVersion = Math.max(now, lastVersion + 1);
  return lastVersion;
}

export function saveDepartment(store: Store, d: DepartmentChange): Promise<void> {
  return store.insert('departments', [
    { id: d.id, parent_id: d.parentId, name: d.name, deleted: d.deleted ? 1 : 0, version: nextVersion() },
  ]);
}

/** Writes a new version of a user; `passwordHash` is the current one unless the password changes. */
export function saveUser(store: Store, user: User, passwordHash: string): Promise<void> {
  return store.insert('users', [
    {
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      password_hash: passwordHash,
      roles: user.roles,
      department_id: user.departmentId,
      disabled: user.disabled ? 1 : 0,
      version: nextVersion(),
    },
  ]);
}

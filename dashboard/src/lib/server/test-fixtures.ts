/**
 * Shared setup of the dashboard's store tests (people, plans): users, the caller of a service
 * call, the status of a refused call, and an embedded store with 本级 (root), 东区 (east) and
 * 西区 (west) installed as the dashboard's context.
 */
import { createLogger, type Store, saveDepartment, type User } from '@yuqing/schemas';
import { openTestStore } from '../../../../analyzer/src/plans/store-fixtures.ts';
import { CONTEXT_KEY } from './context.ts';

export const user = (id: string, roles: User['roles'], departmentId: string): User => ({
  id,
  username: id,
  displayName: id,
  roles,
  departmentId,
  disabled: false,
});
export const as = (u: User) => ({ user: u, ip: '127.0.0.1' });

export const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

export async function failure(
  work: Promise<unknown>,
): Promise<{ status: number; field?: string; message?: string }> {
  try {
    await work;
    return { status: 200 };
  } catch (error) {
    const e = error as { status?: number; body?: { field?: string; message?: string } };
    return { status: e.status ?? 500, field: e.body?.field, message: e.body?.message };
  }
}

/** Opens a test store, makes it the dashboard's context and saves 本级 with 东区 and 西区. */
export async function openDistrictStore(name: string): Promise<{ store: Store; close: () => Promise<void> }> {
  const { store, close } = await openTestStore(name);
  (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] = {
    store,
    config: {},
    logger: createLogger('silent'),
  };
  await saveDepartment(store, { id: 'root', parentId: '', name: '本级' });
  await saveDepartment(store, { id: 'east', parentId: 'root', name: '东区' });
  await saveDepartment(store, { id: 'west', parentId: 'root', name: '西区' });
  return { store, close };
}

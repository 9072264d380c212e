import type { RequestEvent } from '@sveltejs/kit';
import type { Role } from '@yuqing/schemas';
import { requireRole } from './access.ts';
import type { Actor } from './admin.ts';
import { clientAddress } from './session.ts';

/** The signed-in user holding one of `roles`, with their address for the audit log. */
export function actor(event: RequestEvent, ...roles: readonly Role[]): Actor {
  return { user: requireRole(event.locals, ...roles), ip: clientAddress(event) };
}

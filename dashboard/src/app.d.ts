import type { User } from '@yuqing/schemas';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in user, resolved from the session cookie by hooks.server.ts. */
      user: User | null;
      /** The raw session token from the cookie, kept so logout can revoke it. */
      sessionToken: string | null;
    }
    interface Error {
      message: string;
      code?: string;
      /** The request field a 400 is about. */
      field?: string;
    }
  }
}

import type { AuthContext } from '../plugins/auth.ts';
import { AppError } from './errors.ts';

/** Admin-only actions answer 403 for everyone else (after the resource is known to be in the org). */
export function requireAdmin(auth: AuthContext, action = 'do this'): void {
  if (auth.role !== 'admin') throw new AppError('forbidden', `Only an admin can ${action}`);
}

import { readSession } from '../api/session';

/** Admin actions (Configure, Edit, Unlink, Start now, API tokens) are shown only to admin tokens. */
export function useIsAdmin(): boolean {
  return readSession()?.permissions.includes('admin') ?? false;
}

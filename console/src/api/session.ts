import type { Permission } from './types';

/** The signed-in token lives only in this tab's sessionStorage: closing the tab signs out. */
const TOKEN_KEY = 'aqg.token';
const PERMISSIONS_KEY = 'aqg.permissions';

export interface Session {
  readonly token: string;
  readonly permissions: readonly Permission[];
}

export function readSession(): Session | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return undefined;
  const permissions = JSON.parse(sessionStorage.getItem(PERMISSIONS_KEY) ?? '[]') as Permission[];
  return { token, permissions };
}

export function writeSession(session: Session): void {
  sessionStorage.setItem(TOKEN_KEY, session.token);
  sessionStorage.setItem(PERMISSIONS_KEY, JSON.stringify(session.permissions));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(PERMISSIONS_KEY);
}

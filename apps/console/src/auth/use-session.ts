import { useSyncExternalStore } from 'react';
import { sessionStore, type StaffSession } from '../api/session.store';

/** The signed-in staff session; re-renders when it is set, refreshed or cleared (also from another tab). */
export function useSession(): StaffSession | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

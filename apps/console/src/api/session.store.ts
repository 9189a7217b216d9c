import type { StaffProfile, StaffSessionResponse } from '@glow/contracts';

/** What the console keeps of a staff session between page loads. */
export interface StaffSession {
  accessToken: string;
  refreshToken: string;
  staff: StaffProfile;
}

export interface SessionStore {
  get(): StaffSession | null;
  set(session: StaffSession): void;
  /** Ends the session; `reason` is a message for the login page (e.g. why the session was revoked). */
  clear(reason?: string): void;
  /** The reason given to the last `clear`, until the next `set`. */
  endedReason(): string | null;
  subscribe(listener: () => void): () => void;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const SESSION_STORAGE_KEY = 'glow.console.session';

export function toStaffSession(response: StaffSessionResponse): StaffSession {
  return { accessToken: response.accessToken, refreshToken: response.refreshToken, staff: response.staff };
}

function isStaffSession(value: unknown): value is StaffSession {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StaffSession>;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.refreshToken === 'string' &&
    typeof candidate.staff === 'object' &&
    candidate.staff !== null &&
    typeof candidate.staff.id === 'string'
  );
}

function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

/**
 * A session kept in `storage` (localStorage in the browser, memory elsewhere).
 * `get` always reads the storage so a token rotated by another tab is picked up at once, and returns the
 * same object while the stored text is unchanged (React's `useSyncExternalStore` relies on that).
 */
export function createSessionStore(storage: KeyValueStorage = memoryStorage(), key = SESSION_STORAGE_KEY): SessionStore {
  const listeners = new Set<() => void>();
  let cachedRaw: string | null = null;
  let cached: StaffSession | null = null;
  let reason: string | null = null;

  const notify = () => listeners.forEach((listener) => listener());

  const onStorage = (event: StorageEvent) => {
    if (event.key === key || event.key === null) notify();
  };

  return {
    get() {
      const raw = storage.getItem(key);
      if (raw === cachedRaw) return cached;
      cachedRaw = raw;
      cached = null;
      if (raw !== null) {
        try {
          const parsed: unknown = JSON.parse(raw);
          cached = isStaffSession(parsed) ? parsed : null;
        } catch {
          // A corrupted entry is treated as signed out; the next login overwrites it.
          cached = null;
        }
      }
      return cached;
    },
    set(session) {
      reason = null;
      storage.setItem(key, JSON.stringify(session));
      notify();
    },
    clear(why) {
      reason = why ?? null;
      storage.removeItem(key);
      notify();
    },
    endedReason: () => reason,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && typeof window !== 'undefined') window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
      };
    },
  };
}

export const sessionStore = createSessionStore(typeof localStorage === 'undefined' ? undefined : localStorage);

// The operator's login for this browser tab. The token lives in
// sessionStorage: it survives a reload but not closing the tab, and it is
// never shared with other tabs or written to disk like localStorage would be.
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'live-sync.session';

/** Why the last session ended, so the login page can tell the user. */
export type SessionEnd = 'logout' | 'expired';

interface StoredSession {
  token: string;
  expiresAt: number;
}

const listeners = new Set<() => void>();
let lastEnd: SessionEnd | null = null;

function read(): StoredSession | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as StoredSession;
    return typeof stored.token === 'string' ? stored : null;
  } catch {
    return null;
  }
}

function notify() {
  listeners.forEach((listener) => listener());
}

export const session = {
  /** The bearer token, or null when logged out or past its expiry. */
  token: (): string | null => {
    const stored = read();
    if (!stored || stored.expiresAt <= Date.now()) return null;
    return stored.token;
  },

  start: (token: string, expiresInSeconds: number) => {
    const stored: StoredSession = { token, expiresAt: Date.now() + expiresInSeconds * 1000 };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    lastEnd = null;
    notify();
  },

  end: (reason: SessionEnd) => {
    if (read() === null) return;
    sessionStorage.removeItem(STORAGE_KEY);
    lastEnd = reason;
    notify();
  },

  lastEnd: (): SessionEnd | null => lastEnd,

  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The current token; components re-render when the user logs in or out. */
export function useSessionToken(): string | null {
  return useSyncExternalStore(session.subscribe, session.token);
}

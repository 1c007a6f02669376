import type { Action } from '@yaodian/core';
import { can } from '@yaodian/core';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, type MeDto } from '../api/endpoints.js';
import { setUnauthenticatedHandler } from '../api/http.js';

interface AuthValue {
  /** undefined while the first check runs; null when signed out. */
  user: MeDto | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  allowed: (action: Action) => boolean;
  /** Reads the signed-in user again (after a password change lifts a forced change). */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Where to come back to after signing in: the path the user was on, never an outside address. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export function AuthProvider({ children }: { children: ReactNode }): ReactNode {
  const [user, setUser] = useState<MeDto | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const signedIn = useRef(false);
  signedIn.current = Boolean(user);
  const navigate = useNavigate();
  const location = useLocation();
  const here = location.pathname + location.search;

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      // A 401 before anyone signed in is just "not signed in", not an expiry.
      if (signedIn.current) setExpired(true);
      setUser(null);
    });
    return () => {
      setUnauthenticatedHandler(null);
    };
  }, []);

  useEffect(() => {
    api.me().then(setUser, () => {
      setUser(null);
    });
  }, []);

  useEffect(() => {
    // The public page (公示) is read without signing in.
    if (user !== null || here.startsWith('/login') || here.startsWith('/public/')) return;
    void navigate(`/login?${expired ? 'expired=1&' : ''}next=${encodeURIComponent(here)}`, { replace: true });
  }, [user, here, navigate, expired]);

  const signIn = useCallback(async (username: string, password: string) => {
    setUser(await api.login(username, password));
    setExpired(false);
  }, []);
  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setUser(null);
      void navigate('/login', { replace: true });
    }
  }, [navigate]);
  const allowed = useCallback((action: Action) => (user ? can(user.role, action) : false), [user]);
  const refresh = useCallback(async () => {
    setUser(await api.me());
  }, []);

  const value = useMemo(
    () => ({ user, signIn, signOut, allowed, refresh }),
    [user, signIn, signOut, allowed, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user inside the layout, where one always exists. */
export function useMe(): MeDto {
  const { user } = useAuth();
  if (!user) throw new Error('useMe without a signed-in user');
  return user;
}

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, call, type Schemas } from '../api/client';
import { accessToken, hasStoredSession, onSessionChange, refreshSession, signIn, signOut } from './session';

export type Me = Schemas['MeDto'];
export type Role =
  'UNIT_OFFICER' | 'UNIT_HEAD' | 'CLUSTER_LEADER' | 'COUNCIL_SECRETARY' | 'COUNCIL_MEMBER' | 'CHAIRMAN' | 'AUDITOR';

interface AuthState {
  status: 'loading' | 'signedIn' | 'anonymous';
  me?: Me;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

/** Who is signed in: restored on load from the tab's refresh token (see session.ts), then GET /api/me. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthState['status']>('loading');
  const [me, setMe] = useState<Me>();

  const load = useCallback(async () => {
    if (!accessToken() && !(hasStoredSession() && (await refreshSession()))) {
      setMe(undefined);
      setStatus('anonymous');
      queryClient.clear();
      return;
    }
    try {
      setMe(await call(() => api.GET('/api/me')));
      setStatus('signedIn');
    } catch {
      setMe(undefined);
      setStatus('anonymous');
    }
  }, [queryClient]);

  useEffect(() => {
    void load();
    return onSessionChange(() => void load());
  }, [load]);

  const value: AuthState = {
    status,
    me,
    signIn,
    signOut,
    hasRole: (...roles) => !!me && roles.some((r) => me.roles.includes(r)),
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

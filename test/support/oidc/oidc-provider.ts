/**
 * A real OpenID provider for the tests (oidc-provider, in a child process: see the .mjs), plus a
 * minimal browser: fetch with a cookie jar that follows redirects by hand, so each hop can be seen.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ProviderClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
  token_endpoint_auth_method?: 'client_secret_basic' | 'none';
}

export interface ProviderAccount {
  sub: string;
  /** What the user types at the provider's login page. */
  login: string;
  password: string;
  preferred_username?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  roles?: string[];
  /** Keep preferred_username out of the ID token (served by UserInfo only). */
  userinfoOnly?: boolean;
}

export type TokenMode = 'tamper' | 'wrong-audience' | 'expired' | null;

export class TestOidcProvider {
  private seq = 0;

  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
  ) {}

  static async start(clients: ProviderClient[], accounts: ProviderAccount[]): Promise<TestOidcProvider> {
    const child = fork(join(__dirname, 'oidc-provider.child.mjs'), [], {
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const issuer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('OpenID provider did not start within 20 s')), 20_000);
      child.once('exit', (code) => reject(new Error(`OpenID provider exited (${code})`)));
      child.on('message', (m: { type: string; issuer?: string; message?: string }) => {
        if (m.type === 'started' || m.type === 'error') clearTimeout(timer);
        if (m.type === 'started') resolve(m.issuer!);
        if (m.type === 'error') reject(new Error(m.message));
      });
      child.send({ type: 'start', clients, accounts });
    });
    return new TestOidcProvider(child, issuer);
  }

  /** How the token endpoint alters the next ID tokens (null: as issued). */
  setTokenMode(mode: TokenMode): Promise<void> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      const onMessage = (m: { type: string; id?: number }) => {
        if (m.type !== 'ok' || m.id !== id) return;
        this.child.off('message', onMessage);
        resolve();
      };
      this.child.on('message', onMessage);
      this.child.send({ type: 'mode', id, mode });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill();
    });
  }
}

/** fetch with cookies per origin and no automatic redirects. */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  async request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
    const origin = new URL(url).origin;
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    const headers: Record<string, string> = { ...init.headers };
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(origin, cookies);
    return res;
  }

  /** Follows redirects from `url` until one points at `stopAt` (returned, not fetched) or a non-redirect. */
  async follow(url: string, stopAt: string, init: Parameters<Browser['request']>[1] = {}) {
    let next = url;
    let options = init;
    for (let hop = 0; hop < 10; hop++) {
      if (next.startsWith(stopAt)) return { stoppedAt: next };
      const res = await this.request(next, options);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { response: res, url: next };
      next = new URL(location, next).href;
      options = {};
    }
    throw new Error(`more than 10 redirects from ${url}`);
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }
}

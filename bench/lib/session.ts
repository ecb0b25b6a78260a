/**
 * The bench's signed-in users. Seeding 1,000 nominations through a council session outlives an
 * access token (15 minutes): a request answered 401 signs its user in again and is retried once.
 * Concurrent requests of one user that meet the 401 together share one new sign-in.
 */
import type { HttpClient } from './http';

const PASSWORD = 'demo123';

export class BenchSession {
  private readonly tokens = new Map<string, Promise<string>>();
  /** How many times a user was signed in again after a 401 (reported by the scenarios). */
  relogins = 0;

  constructor(private readonly http: HttpClient) {}

  /** Signs every user in now (their first request does not pay for it). */
  async login(users: string[]): Promise<void> {
    for (const u of users) await this.token(u);
  }

  private token(user: string): Promise<string> {
    return this.tokens.get(user) ?? this.renew(user);
  }

  private renew(user: string): Promise<string> {
    const t = this.signIn(user);
    t.catch(() => {
      if (this.tokens.get(user) === t) this.tokens.delete(user);
    });
    this.tokens.set(user, t);
    return t;
  }

  private async signIn(username: string): Promise<string> {
    const r = await this.http.send<{ accessToken: string }>('POST', '/api/auth/login', {
      username,
      password: PASSWORD,
    });
    if (r.status !== 200 && r.status !== 201)
      throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken;
  }

  /** One request as `who`; on a 401 `who` signs in again (once, shared) and the request is sent again. */
  async send<T = Record<string, unknown>>(who: string, method: string, path: string, body?: unknown) {
    const used = await this.token(who);
    const r = await this.http.send<T>(method, path, body, used);
    if (r.status !== 401) return r;
    // Requests that met the 401 together renew once: only the first to see the old token replaces it.
    const stored = this.tokens.get(who);
    const current = stored ? await stored : undefined;
    if (current !== used || this.tokens.get(who) !== stored)
      return this.http.send<T>(method, path, body, await this.token(who));
    this.relogins++;
    return this.http.send<T>(method, path, body, await this.renew(who));
  }

  /** As `send`, and any answer but 2xx throws with the user, path, status and body. */
  async ok<T = Record<string, unknown>>(who: string, method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.send<T>(who, method, path, body);
    if (r.status >= 300)
      throw new Error(`${who} ${method} ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body;
  }
}

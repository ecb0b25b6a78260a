/* global process, console, URLSearchParams, Buffer */
/**
 * A real OpenID provider (oidc-provider 9, ESM) for the tests, in its own Node process: Jest's
 * CommonJS runtime cannot load it. Started by oidc-provider.ts with fork(); talks over IPC.
 *
 *   → { type: 'start', clients, accounts }      ← { type: 'started', issuer }
 *   → { type: 'mode', id, mode }                ← { type: 'ok', id }
 *
 * HTTP on 127.0.0.1, a free port. Its login page checks the accounts' passwords and grants the
 * requested scopes at once (no consent page). `mode` alters the next ID tokens the token endpoint
 * returns, as an attacker on the wire or a misconfigured provider would:
 *   tamper          claims edited (preferred_username → chutich), the signature left as it was
 *   wrong-audience  re-signed with the provider's own key, for another client (`aud`)
 *   expired         re-signed with the provider's own key, expired ten minutes ago
 */
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK } from 'jose';

let mode = null;

/** The provider's storage, in memory (its default adapter would warn on every start). */
const stores = new Map();
class MemoryAdapter {
  constructor(model) {
    this.model = model;
  }
  key(id) {
    return `${this.model}:${id}`;
  }
  async upsert(id, payload) {
    stores.set(this.key(id), payload);
    if (payload.uid) stores.set(`${this.model}:uid:${payload.uid}`, id);
    if (payload.userCode) stores.set(`${this.model}:userCode:${payload.userCode}`, id);
  }
  async find(id) {
    return stores.get(this.key(id));
  }
  async findByUid(uid) {
    return this.find(stores.get(`${this.model}:uid:${uid}`));
  }
  async findByUserCode(userCode) {
    return this.find(stores.get(`${this.model}:userCode:${userCode}`));
  }
  async consume(id) {
    const payload = stores.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id) {
    stores.delete(this.key(id));
  }
  async revokeByGrantId(grantId) {
    for (const [k, v] of stores) if (v && v.grantId === grantId) stores.delete(k);
  }
}
let signingKey;
let signingJwk;

async function rewriteIdToken(idToken) {
  const header = decodeProtectedHeader(idToken);
  const payload = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  if (mode === 'tamper') {
    const [h, , sig] = idToken.split('.');
    const forged = { ...payload, preferred_username: 'chutich', email: 'chutich@tinh.gov.vn' };
    return [h, Buffer.from(JSON.stringify(forged)).toString('base64url'), sig].join('.');
  }
  if (mode === 'wrong-audience') payload.aud = 'another-application';
  if (mode === 'expired') Object.assign(payload, { iat: now - 3600, exp: now - 600 });
  return new SignJWT(payload).setProtectedHeader(header).sign(signingKey);
}

async function start({ clients, accounts }) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  signingJwk = { ...(await exportJWK(privateKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  signingKey = await importJWK(signingJwk, 'RS256');

  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;

  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [signingJwk] },
    adapter: MemoryAdapter,
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // Profile claims go into the ID token even though an access token is issued too (as most
    // providers do); an account with `userinfoOnly` keeps its username to UserInfo.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'roles'], email: ['email', 'email_verified'] },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(ctx, id) {
      const account = accounts.find((a) => a.sub === id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims(use) {
          const { password: _p, userinfoOnly, ...claims } = account;
          if (userinfoOnly && use === 'id_token') delete claims.preferred_username;
          return claims;
        },
      };
    },
  });
  provider.on('server_error', (ctx, err) => console.error('[oidc-provider] server_error', err));

  provider.use(async (ctx, next) => {
    await next();
    if (mode && ctx.method === 'POST' && ctx.path === '/token' && ctx.status === 200 && ctx.body?.id_token)
      ctx.body = { ...ctx.body, id_token: await rewriteIdToken(ctx.body.id_token) };
  });

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const m = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url.split('?')[0]);
    if (!m) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') return page(res, m[1]);
      const form = new URLSearchParams(await readBody(req));
      const account = accounts.find((a) => a.login === form.get('login') && a.password === form.get('password'));
      if (!account) return page(res, m[1], 'Sai tên đăng nhập hoặc mật khẩu');
      const grant = new provider.Grant({ accountId: account.sub, clientId: details.params.client_id });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (err) {
      res.statusCode = 400;
      res.end(String(err?.message ?? err));
    }
  });
  return issuer;
}

function page(res, uid, error = '') {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(
    `<!doctype html><title>Đăng nhập</title><p class="error">${error}</p>` +
      `<form method="post" action="/interaction/${uid}/login">` +
      `<input name="login"><input name="password" type="password"><button>Đăng nhập</button></form>`,
  );
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'start') process.send({ type: 'started', issuer: await start(msg) });
    if (msg.type === 'mode') {
      mode = msg.mode;
      process.send({ type: 'ok', id: msg.id });
    }
  } catch (err) {
    process.send({ type: 'error', message: String(err?.stack ?? err) });
  }
});
process.on('disconnect', () => process.exit(0));

import { Logger } from '@nestjs/common';
import { isLoopback, type OidcConfig, type OrganisationDirectory } from '@tdkt/config';
import * as client from 'openid-client';
import { authError } from '../auth-errors';
import { matchAccount } from './account-match';
import { LOGIN_STATE_TTL_MS, openLoginState, sealLoginState } from './login-state';

export const OIDC_SIGN_IN = Symbol('OIDC_SIGN_IN');

/** Why an ID token was refused (the log says so; the error body names the part, see ID_TOKEN_FIELDS). */
export type IdTokenProblem = 'audience' | 'expired' | 'signature' | 'issuer' | 'nonce' | 'timestamp' | 'other';

/** The part of the ID token each problem is about: the error body's `errors[0].field`. */
export const ID_TOKEN_FIELDS: Record<IdTokenProblem, string> = {
  audience: 'id_token.aud',
  expired: 'id_token.exp',
  signature: 'id_token.signature',
  issuer: 'id_token.iss',
  nonce: 'id_token.nonce',
  timestamp: 'id_token.iat',
  other: 'id_token',
};

const ID_TOKEN_MESSAGES: Record<IdTokenProblem, string> = {
  audience: 'ID token được cấp cho một ứng dụng khác (sai audience); không thể đăng nhập',
  expired: 'ID token đã hết hạn; hãy đăng nhập lại',
  signature: 'Chữ ký của ID token không hợp lệ (ID token đã bị sửa hoặc không do nhà cung cấp đăng nhập ký)',
  issuer: 'ID token không do nhà cung cấp đăng nhập đã cấu hình phát hành',
  nonce: 'ID token không thuộc lần đăng nhập này (sai nonce); hãy đăng nhập lại',
  timestamp: 'Thời điểm phát hành của ID token không hợp lệ (lệch đồng hồ?)',
  other: 'ID token không hợp lệ',
};

/**
 * OpenID Connect sign-in, authorization code flow with PKCE (openid-client): `begin` sends the
 * browser to the provider with a fresh state, nonce and code challenge; `complete` checks the
 * callback against them, redeems the code, validates the ID token (issuer, audience, expiry, nonce
 * and — non-repudiation checks on — its signature against the provider's JWKS) and names the user
 * of the organisation file. The provider's metadata is discovered on first use and kept.
 */
export class OidcSignIn {
  private readonly logger = new Logger('OidcSignIn');
  private configuration?: Promise<client.Configuration>;

  constructor(
    readonly config: OidcConfig,
    private readonly secret: string,
    private readonly directory: OrganisationDirectory,
  ) {}

  /** The provider's authorization URL and the sealed login state for the browser's cookie. */
  async begin(now = Date.now()): Promise<{ authorizationUrl: string; sealedState: string }> {
    const cfg = await this.discovered();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(cfg, {
      redirect_uri: this.config.redirectUri,
      scope: scopes(this.config.scopes),
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const sealedState = sealLoginState(this.secret, { state, nonce, verifier, expiresAt: now + LOGIN_STATE_TTL_MS });
    return { authorizationUrl: url.href, sealedState };
  }

  /** The username of the organisation file that the callback (query string, sealed state) signs in. */
  async complete(search: string, sealedState: string | undefined, now = Date.now()): Promise<string> {
    const login = sealedState ? openLoginState(this.secret, sealedState, now) : undefined;
    if (!login)
      throw authError(
        400,
        'OIDC_STATE_MISSING',
        'Không tìm thấy lần đăng nhập đang chờ (đã quá 10 phút hoặc trình duyệt không gửi cookie); hãy đăng nhập lại',
      );
    const params = new URLSearchParams(search);
    if (params.get('state') !== login.state)
      throw authError(
        400,
        'OIDC_STATE_MISMATCH',
        'Phản hồi đăng nhập không thuộc lần đăng nhập này (sai state); hãy đăng nhập lại',
      );
    const cfg = await this.discovered();
    const callbackUrl = new URL(this.config.redirectUri);
    callbackUrl.search = params.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(cfg, callbackUrl, {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw this.refusal(err);
    }
    let claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
    // Providers that keep profile claims out of the ID token serve them from UserInfo.
    if (claims[this.config.usernameClaim] === undefined && cfg.serverMetadata().userinfo_endpoint) {
      try {
        claims = { ...(await client.fetchUserInfo(cfg, tokens.access_token, String(claims.sub))), ...claims };
      } catch (err) {
        throw this.refusal(err);
      }
    }
    const match = matchAccount(this.directory, claims, this.config.usernameClaim);
    if (!match.ok) {
      this.logger.warn(
        `Single sign-on refused for ${this.config.usernameClaim}=${String(claims[this.config.usernameClaim])}: ${match.code}`,
      );
      throw authError(match.code === 'OIDC_UNKNOWN_USER' ? 403 : 401, match.code, match.message);
    }
    return match.username;
  }

  private discovered(): Promise<client.Configuration> {
    this.configuration ??= this.discover().catch((err) => {
      this.configuration = undefined; // the provider may be back on the next attempt
      this.logger.warn(`Discovery of ${this.config.issuer} failed: ${(err as Error).message}`);
      throw authError(
        502,
        'OIDC_PROVIDER_UNREACHABLE',
        'Không kết nối được với hệ thống đăng nhập một lần của tỉnh; vui lòng thử lại sau',
      );
    });
    return this.configuration;
  }

  private async discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.config;
    const insecure = new URL(issuer).protocol === 'http:' && isLoopback(new URL(issuer).hostname);
    const cfg = await client.discovery(
      new URL(issuer),
      clientId,
      undefined,
      clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
      { execute: insecure ? [client.allowInsecureRequests] : [], timeout: 10 },
    );
    // Also verify the ID token's signature (JWKS), not only trust the TLS channel it came over.
    client.enableNonRepudiationChecks(cfg);
    return cfg;
  }

  private refusal(err: unknown) {
    if (err instanceof client.AuthorizationResponseError || err instanceof client.ResponseBodyError) {
      this.logger.warn(`Provider refused the sign-in: ${err.error} ${err.error_description ?? ''}`);
      return authError(
        401,
        'OIDC_PROVIDER_ERROR',
        `Hệ thống đăng nhập một lần từ chối đăng nhập (${err.error}${err.error_description ? `: ${err.error_description}` : ''})`,
      );
    }
    const problem = idTokenProblem(err);
    if (problem) {
      this.logger.warn(`ID token refused (${problem}): ${(err as Error).message}`);
      return authError(401, 'OIDC_ID_TOKEN_INVALID', ID_TOKEN_MESSAGES[problem], { field: ID_TOKEN_FIELDS[problem] });
    }
    this.logger.warn(`Single sign-on failed: ${(err as Error)?.message ?? String(err)}`);
    return authError(
      502,
      'OIDC_PROVIDER_UNREACHABLE',
      'Không hoàn tất được đăng nhập với hệ thống đăng nhập một lần; vui lòng thử lại',
    );
  }
}

type Cause = { code?: string; message?: string; claim?: string; cause?: Cause };

/**
 * openid-client's error → what was wrong with the ID token. openid-client wraps oauth4webapi's
 * error (same `code`) whose `cause` names the claim, e.g. ClientError{code: JWT_CLAIM_COMPARISON,
 * cause: OperationProcessingError{cause: {claim: 'aud'}}}.
 */
export function idTokenProblem(err: unknown): IdTokenProblem | undefined {
  const e = err as Cause | undefined;
  const inner = e?.cause?.code === e?.code ? e?.cause : e;
  const claim = inner?.cause?.claim ?? e?.cause?.claim;
  const message = `${e?.message ?? ''} ${inner?.message ?? ''}`;
  switch (e?.code) {
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
      if (claim === 'aud' || claim === 'azp') return 'audience';
      if (claim === 'iss') return 'issuer';
      if (claim === 'nonce') return 'nonce';
      return 'other';
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      return claim === 'exp' ? 'expired' : 'timestamp';
    case 'OAUTH_KEY_SELECTION_FAILED':
      return 'signature';
    case 'OAUTH_INVALID_RESPONSE':
      return /signature/i.test(message) ? 'signature' : 'other';
    case 'OAUTH_PARSE_ERROR':
    case 'OAUTH_JWT_USERINFO_EXPECTED':
      return 'other';
    default:
      return undefined;
  }
}

/** `openid` is what makes it OpenID Connect: always asked for. */
function scopes(configured: string): string {
  const list = configured.split(/\s+/).filter(Boolean);
  return (list.includes('openid') ? list : ['openid', ...list]).join(' ');
}

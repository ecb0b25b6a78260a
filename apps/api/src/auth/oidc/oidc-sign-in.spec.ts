import { idTokenProblem } from './oidc-sign-in';

/** openid-client's ClientError around oauth4webapi's OperationProcessingError, as thrown. */
const wrapped = (code: string, message: string, cause: object = {}) =>
  Object.assign(new Error('wrapped'), { code, cause: Object.assign(new Error(message), { code, cause }) });

describe('idTokenProblem: why openid-client refused an ID token', () => {
  it.each([
    [wrapped('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'unexpected JWT "aud"', { claim: 'aud' }), 'audience'],
    [wrapped('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'unexpected JWT "iss"', { claim: 'iss' }), 'issuer'],
    [wrapped('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'unexpected ID Token "nonce"', { claim: 'nonce' }), 'nonce'],
    [wrapped('OAUTH_JWT_TIMESTAMP_CHECK_FAILED', 'expiration is past', { claim: 'exp' }), 'expired'],
    [wrapped('OAUTH_JWT_TIMESTAMP_CHECK_FAILED', 'unexpected JWT "nbf"', { claim: 'nbf' }), 'timestamp'],
    [wrapped('OAUTH_INVALID_RESPONSE', 'JWT signature verification failed'), 'signature'],
    [wrapped('OAUTH_KEY_SELECTION_FAILED', 'no applicable keys found'), 'signature'],
    [wrapped('OAUTH_INVALID_RESPONSE', '"response" body "scope" property must be a string'), 'other'],
  ])('%#: %s', (err, problem) => {
    expect(idTokenProblem(err)).toBe(problem);
  });

  it('is no ID token problem when the provider could not be reached', () => {
    expect(idTokenProblem(new TypeError('fetch failed'))).toBeUndefined();
    expect(idTokenProblem(undefined)).toBeUndefined();
  });
});

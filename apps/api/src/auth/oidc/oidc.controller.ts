import { Controller, Get, HttpException, Inject, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { HttpRequest, HttpResponse } from '../../http/http-types';
import { authError } from '../auth-errors';
import { ErrorBody } from '../../http/openapi';
import { OidcAuthorizationUrlDto, TokenResponseDto } from '../auth.dto';
import { AuthService, type TokenResponse } from '../auth.service';
import { Public } from '../public.decorator';
import { LOGIN_STATE_COOKIE, LOGIN_STATE_TTL_MS, readCookie } from './login-state';
import { OIDC_SIGN_IN, type OidcSignIn } from './oidc-sign-in';

type Request = HttpRequest & { url?: string; originalUrl?: string };
type Response = HttpResponse & { end(): unknown };

const wantsJson = (req: HttpRequest) => /application\/json/i.test(String(req.headers.accept ?? ''));

/**
 * Single sign-on through the province's OpenID provider. A browser opens /login, signs in at the
 * provider, comes back to /callback, and is sent on to OIDC_POST_LOGIN_REDIRECT with the API's own
 * tokens in the URL fragment (never sent to a server, kept out of logs and Referer). A client that
 * sends `Accept: application/json` gets JSON instead, from both endpoints.
 */
@ApiTags('auth')
@Controller('api/auth/oidc')
export class OidcController {
  constructor(
    @Inject(OIDC_SIGN_IN) private readonly oidc: OidcSignIn | null,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Get('login')
  @ApiOperation({
    summary:
      'Đăng nhập một lần (OpenID Connect, mã ủy quyền + PKCE): chuyển trình duyệt đến nhà cung cấp đăng nhập của tỉnh. Với `Accept: application/json`: trả về địa chỉ đó thay vì chuyển hướng.',
  })
  @ApiFoundResponse({
    description: 'Chuyển hướng đến trang đăng nhập của nhà cung cấp; Set-Cookie: trạng thái đăng nhập (10 phút)',
    headers: { Location: { description: 'Trang đăng nhập của nhà cung cấp', schema: { type: 'string' } } },
  })
  @ApiOkResponse({ type: OidcAuthorizationUrlDto, description: 'Khi yêu cầu JSON (`Accept: application/json`)' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'OIDC_NOT_CONFIGURED' })
  async login(@Req() req: Request, @Res() res: Response) {
    const oidc = this.configured();
    const { authorizationUrl, sealedState } = await oidc.begin();
    res.setHeader('Set-Cookie', this.cookie(sealedState, LOGIN_STATE_TTL_MS / 1000));
    res.setHeader('Cache-Control', 'no-store');
    if (wantsJson(req)) return res.status(200).json({ authorizationUrl });
    res.setHeader('Location', authorizationUrl);
    res.status(302);
    return res.end();
  }

  @Public()
  @Get('callback')
  @ApiOperation({
    summary:
      'Nhà cung cấp đăng nhập chuyển trình duyệt về đây. Kiểm tra state, đổi mã lấy ID token (kiểm tra chữ ký, issuer, audience, hạn, nonce), nhận ra tài khoản trong danh bạ tổ chức theo OIDC_USERNAME_CLAIM (vai trò, đơn vị lấy từ danh bạ), rồi cấp access token và mã làm mới của hệ thống: chuyển đến OIDC_POST_LOGIN_REDIRECT với `#access_token=…&refresh_token=…&token_type=Bearer&expires_in=…` (lỗi: `#error=<mã>&error_description=…`), hoặc JSON khi `Accept: application/json` hay khi không cấu hình địa chỉ đó.',
  })
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'iss', required: false })
  @ApiQuery({ name: 'error', required: false })
  @ApiQuery({ name: 'error_description', required: false })
  @ApiOkResponse({ type: TokenResponseDto, description: 'Khi yêu cầu JSON' })
  @ApiFoundResponse({
    description: 'Chuyển hướng đến OIDC_POST_LOGIN_REDIRECT kèm token (hoặc lỗi) trong fragment',
    headers: { Location: { description: 'OIDC_POST_LOGIN_REDIRECT#…', schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'OIDC_STATE_MISSING, OIDC_STATE_MISMATCH' })
  @ApiUnauthorizedResponse({
    type: ErrorBody,
    description:
      'OIDC_ID_TOKEN_INVALID (`errors[0].field`: phần bị từ chối của ID token — id_token.aud, id_token.exp, id_token.signature, id_token.iss, id_token.nonce, id_token.iat), OIDC_PROVIDER_ERROR, OIDC_CLAIM_MISSING',
  })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'OIDC_UNKNOWN_USER: không có trong danh bạ tổ chức' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'OIDC_NOT_CONFIGURED' })
  async callback(@Req() req: Request, @Res() res: Response) {
    const oidc = this.configured();
    // The login state is single use, whatever the outcome.
    res.setHeader('Set-Cookie', this.cookie('', 0));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const url = req.originalUrl ?? req.url ?? '';
    const search = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
    const target = wantsJson(req) ? undefined : oidc.config.postLoginRedirect;
    let tokens: TokenResponse;
    try {
      const username = await oidc.complete(search, readCookie(req.headers.cookie, LOGIN_STATE_COOKIE));
      tokens = await this.auth.startSession(username, 'oidc');
    } catch (err) {
      if (!target || !(err instanceof HttpException)) throw err;
      const body = err.getResponse() as { code?: string; message?: string };
      return this.redirect(res, target, {
        error: body.code ?? 'OIDC_LOGIN_FAILED',
        error_description: body.message ?? 'Đăng nhập không thành công',
      });
    }
    if (!target) return res.status(200).json(tokens);
    return this.redirect(res, target, {
      access_token: tokens.accessToken,
      token_type: tokens.tokenType,
      expires_in: String(tokens.expiresInSeconds),
      refresh_token: tokens.refreshToken,
      refresh_token_expires_at: tokens.refreshTokenExpiresAt,
    });
  }

  private configured(): OidcSignIn {
    if (!this.oidc)
      throw authError(404, 'OIDC_NOT_CONFIGURED', 'Đăng nhập một lần (SSO) chưa được cấu hình trên hệ thống này');
    return this.oidc;
  }

  private redirect(res: Response, target: string, fragment: Record<string, string>) {
    const url = new URL(target);
    url.hash = new URLSearchParams(fragment).toString();
    res.setHeader('Location', url.href);
    res.status(302);
    return res.end();
  }

  /** Sent back by the browser only to these endpoints, on the provider's top-level redirect (Lax). */
  private cookie(value: string, maxAgeSeconds: number): string {
    const secure = this.oidc?.config.redirectUri.startsWith('https:') ? '; Secure' : '';
    return `${LOGIN_STATE_COOKIE}=${value}; Path=/api/auth/oidc; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
  }
}

import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import type { HttpRequest } from '../http/http-types';
import { ErrorBody } from '../http/openapi';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LogoutDto, PasswordChangedDto, RefreshDto, TokenResponseDto } from './auth.dto';
import { CurrentActor } from './current-actor.decorator';
import { LoginDto } from './login.dto';
import { Public } from './public.decorator';

type AuthRequest = HttpRequest & { actor?: Actor; sessionId?: string };
const clientAddress = (req: HttpRequest) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Đăng nhập bằng mật khẩu: trả về access token (JWT, bearer, thời hạn ngắn) và mã làm mới. Đăng nhập sai nhiều lần → 429. Tắt được bằng TDKT_LOCAL_LOGIN=off (→ 403).',
  })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'Sai tên đăng nhập hoặc mật khẩu' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'LOCAL_LOGIN_DISABLED' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'TOO_MANY_ATTEMPTS (kèm Retry-After)' })
  login(@Body() body: LoginDto, @Req() req: HttpRequest) {
    return this.auth.login(body.username, body.password, clientAddress(req));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Đổi mã làm mới lấy access token và mã làm mới mới (mã cũ hết hiệu lực). Dùng lại một mã đã đổi → thu hồi cả phiên đăng nhập (401 REFRESH_TOKEN_REUSED).',
  })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'REFRESH_TOKEN_INVALID hoặc REFRESH_TOKEN_REUSED' })
  refresh(@Body() body: RefreshDto) {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Đăng xuất: thu hồi phiên đăng nhập (mọi mã làm mới của phiên và các access token đã cấp). Phiên là phiên của access token gửi kèm, hoặc của `refreshToken` khi access token đã hết hạn.',
  })
  @ApiNoContentResponse({ description: 'Đã thu hồi (hoặc phiên đã kết thúc từ trước)' })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'Không có access token hợp lệ lẫn mã làm mới đã biết' })
  async logout(@Body() body: LogoutDto, @Req() req: AuthRequest): Promise<void> {
    await this.auth.logout(req.actor && req.sessionId ? { sessionId: req.sessionId } : undefined, body?.refreshToken);
  }

  @ApiBearerAuth()
  @Post('password')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Đổi mật khẩu của người đang đăng nhập: cần mật khẩu hiện tại (sai nhiều lần → 429 như đăng nhập); các phiên đăng nhập khác bị thu hồi, phiên này giữ nguyên.',
  })
  @ApiOkResponse({ type: PasswordChangedDto })
  @ApiBadRequestResponse({
    type: ErrorBody,
    description: 'WRONG_PASSWORD (currentPassword) hoặc WEAK_PASSWORD (newPassword)',
  })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'LOCAL_LOGIN_DISABLED' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'TOO_MANY_ATTEMPTS' })
  changePassword(@Body() body: ChangePasswordDto, @CurrentActor() actor: Actor, @Req() req: AuthRequest) {
    return this.auth.changePassword(
      { username: actor.userId, sessionId: req.sessionId ?? '' },
      body.currentPassword,
      body.newPassword,
      clientAddress(req),
    );
  }
}

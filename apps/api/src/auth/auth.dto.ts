import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RefreshDto {
  @ApiProperty({ description: 'Mã làm mới nhận được lần trước (chỉ dùng được một lần)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({
    description: 'Mã làm mới của phiên cần kết thúc, khi không còn access token hợp lệ để gửi kèm',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'demo123' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({
    example: 'Hoa-sen-2026',
    description: 'Ít nhất 10 ký tự, có cả chữ cái và chữ số (hoặc ký tự đặc biệt), không chứa tên đăng nhập',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newPassword: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'JWT, gửi kèm mỗi yêu cầu: `Authorization: Bearer <accessToken>`' })
  accessToken: string;
  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';
  @ApiProperty({ example: '15m', description: 'Thời hạn của access token như đã cấu hình' })
  expiresIn: string;
  @ApiProperty({ example: 900, description: 'Thời hạn của access token, tính bằng giây' })
  expiresInSeconds: number;
  @ApiProperty({
    description:
      'Mã làm mới (dùng một lần): POST /api/auth/refresh đổi nó lấy access token và mã làm mới mới. Dùng lại một mã đã đổi sẽ thu hồi cả phiên.',
  })
  refreshToken: string;
  @ApiProperty({ example: '2026-12-01T20:00:00.000Z', description: 'Mã làm mới hết hạn lúc này nếu không được dùng' })
  refreshTokenExpiresAt: string;
}

export class PasswordChangedDto {
  @ApiProperty({ description: 'Số phiên đăng nhập khác của tài khoản đã bị thu hồi' })
  otherSessionsRevoked: number;
}

export class AuthErrorDto {
  @ApiProperty({ example: 401 })
  statusCode: number;
  @ApiProperty({ example: 'Unauthorized' })
  error: string;
  @ApiProperty({
    example: 'REFRESH_TOKEN_REUSED',
    description:
      'UNAUTHENTICATED, TOO_MANY_ATTEMPTS, LOCAL_LOGIN_DISABLED, REFRESH_TOKEN_INVALID, REFRESH_TOKEN_REUSED, WRONG_PASSWORD, WEAK_PASSWORD, OIDC_NOT_CONFIGURED, OIDC_STATE_MISSING, OIDC_STATE_MISMATCH, OIDC_PROVIDER_ERROR, OIDC_ID_TOKEN_INVALID, OIDC_CLAIM_MISSING, OIDC_UNKNOWN_USER, OIDC_PROVIDER_UNREACHABLE',
  })
  code: string;
  @ApiProperty({ description: 'Lý do, bằng tiếng Việt' })
  message: string;
  @ApiPropertyOptional({
    description: 'Đăng nhập một lần: vì sao ID token bị từ chối (audience, expired, signature, issuer, nonce, other)',
  })
  reason?: string;
}

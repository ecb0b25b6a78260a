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

export class OidcAuthorizationUrlDto {
  @ApiProperty({ description: 'Trang đăng nhập của nhà cung cấp (mở trong trình duyệt, cùng cookie trạng thái)' })
  authorizationUrl: string;
}

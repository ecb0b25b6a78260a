import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const ID_MESSAGE = 'Mã hồ sơ chỉ gồm chữ, số, "-" và "_"';
const B64URL = /^[A-Za-z0-9_-]+$/;
const B64URL_MESSAGE = 'Phải là chuỗi base64url (A–Z, a–z, 0–9, "-", "_", không đệm "=")';
/** The largest agenda one request may carry (a December session passes hundreds of awards). */
const MAX_ITEMS = 2000;
const CHOICES = ['approve', 'reject', 'abstain'];

export class ConveneSessionDto {
  @ApiProperty({ example: 'Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh tháng 12/2026' })
  @IsString()
  @IsNotEmpty({ message: 'Cần tên phiên họp' })
  @MaxLength(300)
  title: string;

  @ApiProperty({ description: 'Thời điểm họp (ISO 8601)', example: '2026-12-12T08:30:00+07:00' })
  @IsISO8601({ strict: true }, { message: 'scheduledAt phải là thời điểm ISO 8601' })
  scheduledAt: string;

  @ApiProperty({ type: [String], description: 'Hồ sơ đã qua cụm thi đua (hoặc đột xuất), đang chờ hội đồng xét' })
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @Matches(ID, { each: true, message: ID_MESSAGE })
  nominationIds: string[];
}

export class ChangeAgendaDto {
  @ApiPropertyOptional({ type: [String], description: 'Hồ sơ đưa thêm vào chương trình' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @Matches(ID, { each: true, message: ID_MESSAGE })
  add?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Hồ sơ rút khỏi chương trình' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @Matches(ID, { each: true, message: ID_MESSAGE })
  remove?: string[];
}

export class RecusalDto {
  @ApiProperty({ description: 'Hồ sơ thành viên rút khỏi biểu quyết' })
  @Matches(ID, { message: ID_MESSAGE })
  nominationId: string;

  @ApiProperty({ example: 'Người thân của người được đề nghị' })
  @IsString()
  @IsNotEmpty({ message: 'Cần nêu lý do' })
  @MaxLength(2000)
  reason: string;
}

export class BallotChoiceDto {
  @ApiProperty()
  @Matches(ID, { message: ID_MESSAGE })
  nominationId: string;

  @ApiProperty({ enum: CHOICES, description: 'approve (đồng ý), reject (không đồng ý), abstain (không biểu quyết)' })
  @IsIn(CHOICES, { message: 'choice phải là approve, reject hoặc abstain' })
  choice: 'approve' | 'reject' | 'abstain';
}

export class SessionBallotDto {
  @ApiProperty({
    type: [BallotChoiceDto],
    description:
      'Một lựa chọn cho mỗi hồ sơ biểu quyết công khai mà thành viên được biểu quyết (không gồm hồ sơ bỏ phiếu kín)',
  })
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => BallotChoiceDto)
  choices: BallotChoiceDto[];

  @ApiPropertyOptional({ description: 'Phiếu gửi trước của thành viên vắng mặt (thường trực hội đồng ghi nhận)' })
  @IsOptional()
  @IsBoolean()
  inWriting?: boolean;

  @ApiPropertyOptional({ description: 'Thành viên vắng mặt có phiếu gửi trước (khi inWriting)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  onBehalfOf?: string;
}

export class BlindSignatureRequestDto {
  @ApiProperty({ description: 'Thông điệp đã làm mù (RFC 9474 Blind), base64url' })
  @IsString()
  @Matches(B64URL, { message: B64URL_MESSAGE })
  @MaxLength(4096)
  blindedMessage: string;
}

export class SecretBallotDto {
  @ApiProperty({ description: 'Mã phiếu: thông điệp đã chuẩn bị (RFC 9474 Prepare), base64url' })
  @IsString()
  @Matches(B64URL, { message: B64URL_MESSAGE })
  @MaxLength(4096)
  token: string;

  @ApiProperty({ description: 'Chữ ký đã gỡ mù của mã phiếu (RFC 9474 Finalize), base64url' })
  @IsString()
  @Matches(B64URL, { message: B64URL_MESSAGE })
  @MaxLength(4096)
  signature: string;

  @ApiProperty({ enum: CHOICES })
  @IsIn(CHOICES, { message: 'choice phải là approve, reject hoặc abstain' })
  choice: 'approve' | 'reject' | 'abstain';
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const MAX_SIZE = Number.MAX_SAFE_INTEGER;

export class TreeSizeQueryDto {
  @ApiPropertyOptional({
    description: 'Kích thước cây (số sự kiện) của điểm chốt muốn chứng minh; mặc định: điểm chốt đã ký mới nhất',
    minimum: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'treeSize phải là số nguyên' })
  @Min(1, { message: 'treeSize phải từ 1 trở lên' })
  @Max(MAX_SIZE)
  treeSize?: number;
}

export class ConsistencyQueryDto {
  @ApiProperty({ description: 'Kích thước cây của điểm chốt cũ', minimum: 0 })
  @Type(() => Number)
  @IsInt({ message: 'from phải là số nguyên' })
  @Min(0, { message: 'from không được âm' })
  @Max(MAX_SIZE)
  from: number;

  @ApiProperty({ description: 'Kích thước cây của điểm chốt mới (không nhỏ hơn from)', minimum: 0 })
  @Type(() => Number)
  @IsInt({ message: 'to phải là số nguyên' })
  @Min(0, { message: 'to không được âm' })
  @Max(MAX_SIZE)
  to: number;
}

export class CheckpointsQueryDto {
  @ApiPropertyOptional({ description: 'Chỉ các điểm chốt có kích thước cây từ giá trị này', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  fromSize?: number;

  @ApiPropertyOptional({ description: 'Số điểm chốt tối đa (mặc định 1000)', minimum: 1, maximum: 10_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;
}

// ----------------------------------------------------------------- answers (OpenAPI only)

export class CheckpointDto {
  @ApiProperty({ description: 'Số sự kiện (lá) của cây tại điểm chốt', example: 1024 }) treeSize: number;
  @ApiProperty({ description: 'Gốc Merkle (SHA-256, hex)' }) rootHash: string;
  @ApiProperty({ description: 'Thời điểm ký (ISO-8601)' }) issuedAt: string;
  @ApiProperty({ description: '16 chữ số hex đầu của SHA-256 khóa công khai (SPKI DER): khóa nào đã ký' })
  keyId: string;
  @ApiProperty({ description: 'Chữ ký Ed25519 (base64) trên `signedText`' }) signature: string;
  @ApiProperty({ description: 'Đúng văn bản được ký', example: 'tdkt-audit-checkpoint/v1\n1024\n…\n…\n' })
  signedText: string;
}

export class AuditFormatsDto {
  @ApiProperty({ description: 'Cách tính băm của một lá' }) leaf: string;
  @ApiProperty({ description: 'Cách tính băm của một nút' }) node: string;
  @ApiProperty({ description: 'Văn bản được ký của một điểm chốt' }) checkpoint: string;
}

export class AuditPublicKeyDto {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: 'Ed25519';
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'Khóa công khai (SPKI, PEM)' }) publicKeyPem: string;
  @ApiProperty({ type: AuditFormatsDto }) formats: AuditFormatsDto;
}

export class InclusionProofDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ description: 'Vị trí lá (từ 0)' }) leafIndex: number;
  @ApiProperty({ description: 'Kích thước cây mà bằng chứng dựa vào' }) treeSize: number;
  @ApiProperty({ description: 'SHA-256(0x00 || sự kiện chuẩn hóa), hex' }) leafHash: string;
  @ApiProperty({ type: [String], description: 'Đường đi bao hàm RFC 9162, từ phía lá, hex' }) inclusionProof: string[];
  @ApiProperty({
    type: CheckpointDto,
    nullable: true,
    description: 'Điểm chốt đã ký của treeSize (null khi kích thước được hỏi chưa từng được ký)',
  })
  checkpoint: CheckpointDto | null;
}

export class ConsistencyProofDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [String], description: 'Bằng chứng nhất quán RFC 9162, hex' }) consistencyProof: string[];
  @ApiProperty({ type: CheckpointDto, nullable: true }) fromCheckpoint: CheckpointDto | null;
  @ApiProperty({ type: CheckpointDto, nullable: true }) toCheckpoint: CheckpointDto | null;
}

export class NominationEventProofDto {
  @ApiProperty({ example: 'NominationDrafted' }) type: string;
  @ApiProperty({ description: 'Thứ tự của sự kiện trong hồ sơ (từ 0)' }) revision: number;
  @ApiProperty({ description: 'Vị trí trong nhật ký' }) position: number;
  @ApiProperty() eventId: string;
  @ApiProperty() leafIndex: number;
  @ApiProperty() treeSize: number;
  @ApiProperty() leafHash: string;
  @ApiProperty({ type: [String] }) inclusionProof: string[];
}

export class NominationProofsDto {
  @ApiProperty() nominationId: string;
  @ApiProperty({ type: CheckpointDto, description: 'Điểm chốt đã ký mà mọi bằng chứng dựa vào' })
  checkpoint: CheckpointDto;
  @ApiProperty({ type: [NominationEventProofDto] }) events: NominationEventProofDto[];
}

export class PersonalDataReadDto {
  @ApiProperty({ description: 'Vị trí của bản ghi trong nhật ký' }) position: number;
  @ApiProperty({ description: 'Mã sự kiện (chứng minh được bằng GET /api/audit/events/{eventId}/proof)' })
  eventId: string;
  @ApiProperty() actorId: string;
  @ApiProperty({ type: [String] }) actorRoles: string[];
  @ApiProperty({ nullable: true, type: String }) actorUnitId: string | null;
  @ApiProperty({ description: 'Thời điểm xem (ISO-8601)' }) readAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'Địa chỉ IP' }) address: string | null;
  @ApiProperty({ example: 'GET /api/nominations/…' }) route: string;
  @ApiProperty({ example: 'nomination' }) resource: string;
  @ApiProperty({ nullable: true, type: String }) nominationId: string | null;
  @ApiProperty({ type: [String], description: 'Các trường dữ liệu cá nhân trong câu trả lời' }) fields: string[];
}

export class AccessLogPageDto {
  @ApiProperty({ type: [PersonalDataReadDto], description: 'Mới nhất trước' }) items: PersonalDataReadDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

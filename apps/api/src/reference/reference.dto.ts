import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What the reference and health endpoints answer, for the OpenAPI document. */

export class ApiIndexDto {
  @ApiProperty() name: string;
  @ApiProperty({ example: '/api/docs' }) docs: string;
  @ApiProperty({ example: '/health' }) health: string;
  @ApiProperty({ example: '/api/registry' }) registry: string;
  @ApiProperty({ example: '/api/catalog' }) catalog: string;
  @ApiProperty({ example: '/api/auth/login' }) login: string;
}

export class CatalogDto {
  @ApiProperty({ description: 'Nguồn của các giá trị mặc định' }) source: string;
  @ApiProperty() version: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Thời hạn các bước' })
  stageTimeLimits: Record<string, unknown>;
  @ApiProperty({ enum: ['workingDays', 'seconds'] }) stageTimeUnit: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Các hình thức khen thưởng và chính sách (biểu quyết, xét của cụm, đột xuất: oneOffAllowed)',
  })
  awards: Record<string, unknown>[];
}

export class UnitDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() clusterId: string;
  @ApiProperty({ nullable: true, type: String }) clusterName: string | null;
}

export class ClusterDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) unitIds: string[];
}

export class MeDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: [String], example: ['Trưởng cụm thi đua'] }) roleLabels: string[];
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String }) unitName: string | null;
  @ApiProperty({ nullable: true, type: String }) clusterId: string | null;
  @ApiProperty({ type: [String] }) awaitingKeys: string[];
}

/** /health/live: the process answers; `failed` when the projections stopped for good (restart it). */
export class LivenessDto {
  @ApiProperty({ enum: ['ok', 'failed'] }) status: string;
  @ApiPropertyOptional({ description: 'Lỗi đã dừng các bảng đọc (khi failed)' }) projectionsError?: string;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'boolean' } }) checks: Record<string, boolean>;
  @ApiProperty() eventPosition: number;
  @ApiPropertyOptional() projectionPosition?: number;
}

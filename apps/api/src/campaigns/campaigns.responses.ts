import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from '@tdkt/domain';
import { LaunchDocumentDto, ParticipantsDto, PeriodDto, ScoringCriterionDto, MinutesDto } from './campaigns.dto';

export class CampaignSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CAMPAIGN_KINDS }) kind: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty() submissionDeadline: string;
  @ApiProperty({ description: 'Đang nhận hồ sơ đề nghị (status NOMINATIONS_OPEN)' }) open: boolean;
  @ApiProperty({ description: 'Số đơn vị đã đăng ký thi đua' }) registrations: number;
  @ApiProperty({
    enum: ['EVENTS', 'ORGANISATION_FILE'],
    description: 'Đợt do Ban TĐKT điều hành, hay khai trong tệp tổ chức (cũ)',
  })
  source: string;
}

export class CampaignDetailDto extends CampaignSummaryDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty() criteria: string;
  @ApiProperty({ type: [String] }) awardCodes: string[];
  @ApiProperty({ type: ParticipantsDto }) participants: ParticipantsDto;
  @ApiProperty({ type: [ScoringCriterionDto] }) scoringTable: ScoringCriterionDto[];
  @ApiPropertyOptional({ type: LaunchDocumentDto }) launchDocument?: LaunchDocumentDto;
  @ApiPropertyOptional() launchedAt?: string;
  @ApiPropertyOptional() nominationsOpenedAt?: string;
  @ApiPropertyOptional() closedAt?: string;
  @ApiProperty({ description: 'Khen thưởng từ đợt chuyên đề không làm căn cứ xét danh hiệu cao hơn' })
  countsTowardHigherTitles: boolean;
}

export class CampaignCommandResultDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: string;
  @ApiProperty({ description: 'Vị trí sự kiện cuối cùng (X-TDKT-After-Position); 0 nếu không ghi gì mới' })
  position: number;
}

export class RegistrationDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() clusterId: string;
  @ApiProperty() commitment: string;
  @ApiProperty({ type: [String] }) targetAwardCodes: string[];
  @ApiProperty() registeredBy: string;
  @ApiProperty() registeredAt: string;
}

export class UnitRefDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() clusterId: string;
}

export class RegistrationsDto {
  @ApiProperty() campaignId: string;
  @ApiProperty({ type: [RegistrationDto] }) registered: RegistrationDto[];
  @ApiProperty({ type: [UnitRefDto], description: 'Đơn vị tham gia (trong phạm vi người xem) chưa đăng ký' })
  notRegistered: UnitRefDto[];
}

export class UnitScoreDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) scores: Record<string, number>;
  @ApiProperty({ description: 'Σ điểm × trọng số' }) total: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Thứ hạng (khi cụm đã thống nhất)' }) rank: number | null;
  @ApiProperty({ description: 'Đơn vị dẫn đầu, được cụm đề nghị tặng Cờ thi đua' }) leading: boolean;
  @ApiProperty({ description: 'Được cụm đề nghị tặng Bằng khen (xếp liền sau đơn vị dẫn đầu)' }) certificate: boolean;
}

export class ClusterScoringDto {
  @ApiProperty() clusterId: string;
  @ApiProperty() year: number;
  @ApiProperty() campaignId: string;
  @ApiProperty({ enum: ['SCORING', 'RANKED'] }) status: string;
  @ApiProperty({ type: [ScoringCriterionDto] }) scoringTable: ScoringCriterionDto[];
  @ApiProperty({ type: [UnitScoreDto], description: 'Đơn vị trong cụm thấy điểm và thứ hạng của chính mình' })
  units: UnitScoreDto[];
  @ApiProperty({ description: 'Số đơn vị được chấm (cả cụm)' }) unitsScored: number;
  @ApiPropertyOptional({ type: MinutesDto }) minutes?: MinutesDto;
  @ApiPropertyOptional() rankedAt?: string;
}

export class ScoringCommandResultDto {
  @ApiProperty() clusterId: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['SCORING', 'RANKED'] }) status: string;
  @ApiProperty() position: number;
}

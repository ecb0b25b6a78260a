import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CAMPAIGN_KINDS } from '@tdkt/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Ngày phải viết YYYY-MM-DD';
const CODE = /^[A-Za-z0-9_-]{1,100}$/;
const CODE_MESSAGE = 'Mã chỉ gồm chữ, số, "-" và "_"';
const TEXT = 20_000;

export class PeriodDto {
  @ApiProperty({ example: '2026-01-01' })
  @Matches(DATE, { message: DATE_MESSAGE })
  start: string;

  @ApiProperty({ example: '2026-12-31' })
  @Matches(DATE, { message: DATE_MESSAGE })
  end: string;
}

export class ParticipantsDto {
  @ApiPropertyOptional({ type: [String], example: ['donvi1'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  unitIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['cum1', 'cum2'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  clusterIds?: string[];
}

export class ScoringCriterionDto {
  @ApiProperty({ example: 'NHIEM_VU' })
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Hoàn thành nhiệm vụ chính trị được giao' })
  @IsString()
  @IsNotEmpty({ message: 'Cần tên tiêu chí' })
  @MaxLength(500)
  name: string;

  @ApiProperty({ example: 0.4, description: 'Trọng số' })
  @IsNumber({}, { message: 'Trọng số phải là số' })
  @Min(0)
  @Max(1000)
  weight: number;

  @ApiProperty({ example: 100, description: 'Điểm tối đa' })
  @IsNumber({}, { message: 'Điểm tối đa phải là số' })
  @Min(0)
  @Max(100000)
  maxScore: number;
}

export class LaunchDocumentDto {
  @ApiProperty({ example: '11/KH-UBND', description: 'Số văn bản phát động' })
  @IsString()
  @IsNotEmpty({ message: 'Cần số văn bản phát động' })
  @MaxLength(100)
  number: string;

  @ApiProperty({ example: '2026-02-15' })
  @Matches(DATE, { message: DATE_MESSAGE })
  date: string;
}

export class CreateCampaignDto {
  @ApiProperty({ example: 'dong-khoi-moi-2027', description: 'Mã đợt: chữ thường không dấu, số, "-"' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'Mã đợt thi đua: chữ thường không dấu, số và dấu gạch ngang' })
  id: string;

  @ApiProperty({ example: 'Phong trào thi đua "Đồng Khởi mới" — tổng kết năm 2027' })
  @IsString()
  @IsNotEmpty({ message: 'Cần tên đợt thi đua' })
  @MaxLength(500)
  name: string;

  @ApiProperty({ enum: CAMPAIGN_KINDS, description: 'ANNUAL: thường xuyên; THEMATIC: chuyên đề; PERIODIC: theo đợt' })
  @IsIn([...CAMPAIGN_KINDS], { message: 'kind phải là ANNUAL, THEMATIC hoặc PERIODIC' })
  kind: string;

  @ApiProperty({ example: 2027 })
  @IsInt({ message: 'Năm phải là số nguyên' })
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ type: PeriodDto })
  @IsObject({ message: 'period phải là một đối tượng' })
  @ValidateNested()
  @Type(() => PeriodDto)
  period: PeriodDto;

  @ApiProperty({ example: '2027-12-31T17:00:00+07:00', description: 'Hạn nộp hồ sơ (ISO 8601)' })
  @IsISO8601({ strict: true }, { message: 'submissionDeadline phải là thời điểm ISO 8601' })
  submissionDeadline: string;

  @ApiProperty({ description: 'Nội dung, tiêu chí thi đua' })
  @IsString()
  @IsNotEmpty({ message: 'Cần nội dung, tiêu chí thi đua' })
  @MaxLength(TEXT)
  criteria: string;

  @ApiProperty({ type: [String], example: ['TAP_THE_LDXS', 'CO_THI_DUA_TINH', 'BANG_KHEN_TINH'] })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  awardCodes: string[];

  @ApiPropertyOptional({ type: ParticipantsDto, description: 'Đơn vị, cụm tham gia (để trống: mọi đơn vị)' })
  @IsOptional()
  @IsObject({ message: 'participants phải là một đối tượng' })
  @ValidateNested()
  @Type(() => ParticipantsDto)
  participants?: ParticipantsDto;

  @ApiPropertyOptional({ type: [ScoringCriterionDto], description: 'Bảng chấm điểm cụm, khối thi đua cuối năm' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ScoringCriterionDto)
  scoringTable?: ScoringCriterionDto[];
}

export class LaunchCampaignDto {
  @ApiProperty({ type: LaunchDocumentDto })
  @IsObject({ message: 'document phải là một đối tượng' })
  @ValidateNested()
  @Type(() => LaunchDocumentDto)
  document: LaunchDocumentDto;
}

export class RegisterForCampaignDto {
  @ApiProperty({ example: 'Hoàn thành xuất sắc 100% chỉ tiêu được giao; có ít nhất 2 mô hình mới' })
  @IsString()
  @IsNotEmpty({ message: 'Cần nội dung cam kết, chỉ tiêu thi đua' })
  @MaxLength(TEXT)
  commitment: string;

  @ApiProperty({ type: [String], example: ['TAP_THE_LDXS', 'CO_THI_DUA_TINH'], description: 'Danh hiệu phấn đấu đạt' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  targetAwardCodes: string[];
}

export class RecordScoresDto {
  @ApiProperty({ example: 'dong-khoi-moi-2026' })
  @Matches(CODE, { message: CODE_MESSAGE })
  campaignId: string;

  @ApiProperty({ example: 'donvi1', description: 'Đơn vị thành viên của cụm' })
  @Matches(CODE, { message: CODE_MESSAGE })
  unitId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { NHIEM_VU: 95, PHONG_TRAO: 90, KHEN_THUONG: 88, CUM_KHOI: 100 },
    description: 'Điểm theo mã tiêu chí của bảng chấm điểm',
  })
  @IsObject({ message: 'scores phải là một đối tượng (mã tiêu chí → điểm)' })
  scores: Record<string, number>;
}

export class MinutesDto {
  @ApiProperty({ example: '05/BB-CTĐ1', description: 'Số biên bản họp cụm' })
  @IsString()
  @IsNotEmpty({ message: 'Cần số biên bản' })
  @MaxLength(100)
  number: string;

  @ApiProperty({ example: '2026-12-05' })
  @Matches(DATE, { message: DATE_MESSAGE })
  heldOn: string;

  @ApiProperty({ description: 'Tóm tắt nội dung, kết quả họp' })
  @IsString()
  @IsNotEmpty({ message: 'Cần tóm tắt biên bản' })
  @MaxLength(TEXT)
  summary: string;

  @ApiPropertyOptional({ type: [String], description: 'Thành phần dự họp' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  attendees?: string[];
}

export class AgreeRankingDto {
  @ApiProperty({ type: [String], example: ['donvi1', 'donvi2'], description: 'Xếp hạng đã thống nhất, đứng đầu trước' })
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  ranking: string[];

  @ApiProperty({ type: [String], example: ['donvi1'], description: 'Đơn vị dẫn đầu cụm, đề nghị tặng Cờ thi đua' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  leadingUnitIds: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['donvi3'],
    description: 'Đơn vị cụm đề nghị tặng Bằng khen: những đơn vị xếp liền sau đơn vị dẫn đầu',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  certificateUnitIds?: string[];

  @ApiProperty({ type: MinutesDto })
  @IsObject({ message: 'minutes phải là một đối tượng' })
  @ValidateNested()
  @Type(() => MinutesDto)
  minutes: MinutesDto;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { STATISTICS_DEFINITIONS as DEF } from '@tdkt/domain';
import { STATISTICS_GROUPINGS, type StatisticsGrouping } from '@tdkt/projections';
import { toBoolean } from '../nominations/dto/query.dto';

const defined = (d: { text: string; source: string }) => `${d.text} Nguồn: ${d.source}`;

export class StatisticsQueryDto {
  @ApiPropertyOptional({ description: 'Năm thi đua (năm của đợt thi đua)', minimum: 1900, maximum: 9999 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({ description: 'Mã đợt (phong trào) thi đua' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  campaign?: string;

  @ApiPropertyOptional({ description: 'Mã đơn vị' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unit?: string;

  @ApiPropertyOptional({ description: 'Mã cụm, khối thi đua' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cluster?: string;

  @ApiPropertyOptional({ description: 'Mã hình thức khen thưởng' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  award?: string;

  @ApiPropertyOptional({ description: 'Đối tượng: cá nhân hay tập thể', enum: ['individual', 'collective'] })
  @IsOptional()
  @IsIn(['individual', 'collective'], { message: 'kind phải là individual hoặc collective' })
  kind?: 'individual' | 'collective';

  @ApiPropertyOptional({
    description:
      'Nhóm theo: hình thức (award), đơn vị (unit), cụm/khối (cluster), đợt (campaign), năm (year); none: chỉ tổng',
    enum: STATISTICS_GROUPINGS,
    default: 'none',
  })
  @IsOptional()
  @IsIn(STATISTICS_GROUPINGS, { message: `groupBy phải thuộc ${STATISTICS_GROUPINGS.join(', ')}` })
  groupBy?: StatisticsGrouping;
}

export class RegistryExportQueryDto {
  @ApiPropertyOptional({ description: 'Tìm theo tên, hình thức, đơn vị, số quyết định; không phân biệt dấu' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1900, maximum: 9999 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({ description: 'Mã hình thức khen thưởng' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  award?: string;

  @ApiPropertyOptional({ description: 'Mã đơn vị' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unit?: string;

  @ApiPropertyOptional({ description: 'Mã đợt thi đua' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  campaign?: string;

  @ApiPropertyOptional({ description: 'Gồm cả khen thưởng đã bị hủy bỏ (mặc định: có)', default: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeRevoked?: boolean;
}

export class ShareDto {
  @ApiProperty() count: number;
  @ApiProperty({ description: 'Mẫu số: số đối tượng có ghi nhận thông tin này' }) of: number;
  @ApiProperty({ nullable: true, type: Number, description: 'count / of, từ 0 đến 1 (4 chữ số thập phân)' })
  share: number | null;
  @ApiProperty({ description: 'Số đối tượng không ghi nhận thông tin này (không tính vào tỷ lệ)' }) unknown: number;
}

export class StageTimeDto {
  @ApiProperty({ description: 'Số hồ sơ đã đi hết giai đoạn' }) count: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Số ngày trung bình (ngày lịch, 1 chữ số thập phân)' })
  averageDays: number | null;
}

export class TimelinessDto {
  @ApiProperty({ type: StageTimeDto, description: 'Từ khi trình đến khi ký quyết định khen thưởng' })
  submissionToDecision: StageTimeDto;
  @ApiProperty({ type: StageTimeDto, description: 'Cụm, khối xét (gồm các vòng trả lại bổ sung)' })
  clusterReview: StageTimeDto;
  @ApiProperty({ type: StageTimeDto, description: 'Hội đồng biểu quyết' }) councilVote: StageTimeDto;
  @ApiProperty({ type: StageTimeDto, description: 'Chủ tịch ký hoặc từ chối ký' }) signature: StageTimeDto;
}

export class NominationOutcomesDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Đang soạn, chưa trình' }) draft: number;
  @ApiProperty({ description: 'Đang xét (cụm, Hội đồng, chờ ký; kể cả đang trả lại bổ sung)' }) inProgress: number;
  @ApiProperty() awarded: number;
  @ApiProperty() rejectedAtCluster: number;
  @ApiProperty() notApprovedByCouncil: number;
  @ApiProperty() declined: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() revoked: number;
}

export class AwardCountsDto {
  @ApiProperty({ description: defined(DEF.awards) }) total: number;
  @ApiProperty() individuals: number;
  @ApiProperty() collectives: number;
  @ApiProperty() revoked: number;
}

export class StatisticsFiguresDto {
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }],
    description: 'Giá trị nhóm; null ở dòng tổng',
  })
  key: string | number | null;
  @ApiPropertyOptional({ description: 'Tên hiển thị của nhóm (đơn vị, hình thức, đợt...)' }) label?: string;
  @ApiProperty({
    type: NominationOutcomesDto,
    nullable: true,
    description:
      'Hồ sơ theo kết quả; null với người chưa đăng nhập (hồ sơ đang xét, bị từ chối, rút là tài liệu nội bộ)',
  })
  nominations: NominationOutcomesDto | null;
  @ApiProperty({ type: AwardCountsDto }) awards: AwardCountsDto;
  @ApiProperty({ type: ShareDto, description: defined(DEF.directWorker) }) directWorkers: ShareDto;
  @ApiProperty({ type: ShareDto, description: defined(DEF.women) }) women: ShareDto;
  @ApiProperty({ type: ShareDto, description: defined(DEF.grassroots) }) grassroots: ShareDto;
  @ApiProperty({ description: defined(DEF.amountPaid) }) amountPaidVnd: number;
  @ApiProperty({
    type: TimelinessDto,
    nullable: true,
    description: `${defined(DEF.timeliness)} Null với người chưa đăng nhập.`,
  })
  timeliness: TimelinessDto | null;
}

export class BaseSalaryPeriodDto {
  @ApiProperty({ example: '2024-07-01' }) from: string;
  @ApiProperty({ example: 2340000 }) amountVnd: number;
  @ApiProperty() source: string;
}

export class StatisticsDto {
  @ApiProperty({ enum: STATISTICS_GROUPINGS }) groupBy: string;
  @ApiProperty({
    enum: ['province', 'scope', 'public'],
    description:
      'province: toàn tỉnh; scope: trong phạm vi được xem (đơn vị, cụm); public: công khai (chỉ khen thưởng)',
  })
  coverage: string;
  @ApiProperty({ type: [StatisticsFiguresDto] }) groups: StatisticsFiguresDto[];
  @ApiProperty({ type: StatisticsFiguresDto }) total: StatisticsFiguresDto;
  @ApiProperty({ type: [BaseSalaryPeriodDto], description: 'Mức lương cơ sở dùng để tính tiền thưởng' })
  baseSalary: BaseSalaryPeriodDto[];
}

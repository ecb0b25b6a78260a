import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { NOMINATION_STATUSES, type NominationStatus } from '@tdkt/domain';
import { NOMINATION_SORT_KEYS } from '@tdkt/projections';

/** `nominee`, `nominee:asc`, `due:desc`…: a sort key, then the direction (ascending when omitted). */
const SORT_PATTERN = new RegExp(`^(${NOMINATION_SORT_KEYS.join('|')})(:(asc|desc))?$`);

const MAX_PAGE = 1_000_000;
/** A calendar year (PostgreSQL's integer columns refuse anything past 2^31 with an error). */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/** `true`/`false`/`1`/`0` in a query string → boolean; anything else is left for @IsBoolean to refuse. */
export const toBoolean = ({ value }: { value: unknown }) => {
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
};

/** `a,b` or repeated `?status=a&status=b` → ['a', 'b']. */
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);

export class PagingDto {
  // Bounded: a huge page number overflows the SQL offset (a 500, not an empty page).
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class ListNominationsQueryDto extends PagingDto {
  @ApiPropertyOptional({
    description: 'Một hoặc nhiều trạng thái, cách nhau bởi dấu phẩy',
    example: 'CLUSTER_REVIEW,COUNCIL_VOTING',
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(NOMINATION_STATUSES, { each: true, message: `status phải thuộc ${NOMINATION_STATUSES.join(', ')}` })
  status?: NominationStatus[];

  @ApiPropertyOptional({ description: 'Mã đợt thi đua' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  campaign?: string;

  @ApiPropertyOptional({ description: 'Mã đơn vị' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unit?: string;

  @ApiPropertyOptional({ description: 'Mã cụm/khối thi đua' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cluster?: string;

  @ApiPropertyOptional({ description: 'Mã hình thức khen thưởng' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  award?: string;

  @ApiPropertyOptional({ minimum: MIN_YEAR, maximum: MAX_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  onHold?: boolean;

  @ApiPropertyOptional({ description: 'Chỉ hồ sơ đang chờ tôi xử lý' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  awaitingMe?: boolean;

  @ApiPropertyOptional({
    description:
      'Tìm theo tên người/tập thể được đề nghị, hình thức, số quyết định, mã hồ sơ; không phân biệt dấu và hoa/thường; mọi từ phải có',
    example: 'nguyen van an',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description:
      'Sắp xếp: nominee (tên, không phân biệt dấu), award, status, due (hạn xử lý), updated, drafted; thêm :asc hoặc :desc. Mặc định: cập nhật mới nhất trước',
    example: 'nominee:asc',
  })
  @IsOptional()
  @IsString()
  @Matches(SORT_PATTERN, {
    message: `sort phải là một trong ${NOMINATION_SORT_KEYS.join(', ')}, có thể kèm :asc hoặc :desc (vd. nominee:asc)`,
  })
  sort?: string;
}

export class SearchRegistryQueryDto extends PagingDto {
  @ApiPropertyOptional({
    description: 'Tìm theo tên, hình thức, đơn vị, số quyết định; không phân biệt dấu và hoa/thường',
    example: 'nguyen van an',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: MIN_YEAR, maximum: MAX_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
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

export class DecisionQueryDto {
  @ApiPropertyOptional({
    description: 'Năm của quyết định (số quyết định bắt đầu lại mỗi năm)',
    minimum: MIN_YEAR,
    maximum: MAX_YEAR,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;
}

/** `?asOf=`: an ISO-8601 instant, or a date (then the end of that day, Vietnam time). */
const AsOf = () =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'Xem như tại thời điểm này (ISO-8601, ví dụ 2026-03-01T08:00:00+07:00); chỉ ghi ngày thì là cuối ngày đó (giờ Việt Nam)',
      example: '2026-03-01',
    }),
    IsOptional(),
    IsISO8601(
      { strict: true },
      { message: 'asOf phải là thời điểm ISO-8601, ví dụ 2026-03-01 hoặc 2026-03-01T08:00:00+07:00' },
    ),
  );

/** The instant an `asOf` names, as the read models store times (toISOString). */
export function asOfInstant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T23:59:59.999+07:00`).toISOString()
    : new Date(value).toISOString();
}

export class AsOfQueryDto {
  @AsOf()
  asOf?: string;
}

export class SearchRegistryAsOfQueryDto extends SearchRegistryQueryDto {
  @AsOf()
  asOf?: string;
}

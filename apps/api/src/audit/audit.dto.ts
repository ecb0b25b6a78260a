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

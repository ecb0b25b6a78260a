import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const ID_MESSAGE = 'Mã hồ sơ chỉ gồm chữ, số, "-" và "_"';
/** The largest decision one request may draft (a year-end decision lists hundreds of recipients). */
export const MAX_RECIPIENTS = 2000;

export class DraftDecisionDto {
  @ApiProperty({ description: 'Trích yếu', example: 'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh' })
  @IsString()
  @IsNotEmpty({ message: 'Cần trích yếu của quyết định' })
  @MaxLength(500)
  title: string;

  @ApiProperty({
    type: [String],
    description: 'Hồ sơ Hội đồng đã thông qua, chờ quyết định, theo thứ tự văn phòng sắp xếp trong danh sách kèm theo',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'Cần ít nhất một hồ sơ' })
  @ArrayMaxSize(MAX_RECIPIENTS)
  @Matches(ID, { each: true, message: ID_MESSAGE })
  nominationIds: string[];

  @ApiPropertyOptional({ type: [String], description: 'Căn cứ (mặc định: các căn cứ trong danh mục khen thưởng)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  bases?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Các hình thức khen thưởng của quyết định (mặc định: theo hồ sơ)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[A-Z0-9_]{1,60}$/, { each: true, message: 'Mã hình thức khen thưởng không hợp lệ' })
  awardCodes?: string[];
}

export class RemovalDto {
  @ApiProperty({ description: 'Lý do đưa hồ sơ ra khỏi dự thảo (hồ sơ trở lại chờ quyết định)' })
  @IsString()
  @IsNotEmpty({ message: 'Cần lý do' })
  @MaxLength(2000)
  reason: string;
}

export class DecisionSignatureDto {
  @ApiProperty({ enum: ['sign', 'decline'] })
  @IsIn(['sign', 'decline'], { message: 'decision phải là sign hoặc decline' })
  decision: 'sign' | 'decline';

  @ApiPropertyOptional({
    description: 'Chỉ khi cơ quan đánh số ngoài hệ thống (external): số văn thư cấp, dạng 163/QĐ-UBND',
    example: '163/QĐ-UBND',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  number?: string;

  @ApiPropertyOptional({ description: 'Ý kiến; bắt buộc khi không ký (lý do)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class RegisterNumberDto {
  @ApiProperty({ description: 'Số văn thư cấp trong sổ đăng ký văn bản của cơ quan', example: '163/QĐ-UBND' })
  @IsString()
  @IsNotEmpty({ message: 'Cần số quyết định' })
  @MaxLength(40)
  number: string;
}

export class ListDecisionsQueryDto {
  @ApiPropertyOptional({ description: 'Năm ký' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year phải là số nguyên' })
  @Min(1900)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({ description: 'Ký hiệu cơ quan ban hành, ví dụ UBND' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9-]{0,30}$/, { message: 'Ký hiệu cơ quan ban hành không hợp lệ' })
  authority?: string;

  @ApiPropertyOptional({ enum: ['DRAFT', 'SIGNED', 'ISSUED', 'APPLIED', 'DECLINED'] })
  @IsOptional()
  @IsIn(['DRAFT', 'SIGNED', 'ISSUED', 'APPLIED', 'DECLINED'], { message: 'Trạng thái không hợp lệ' })
  status?: string;
}

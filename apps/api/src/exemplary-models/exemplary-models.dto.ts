import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PagingDto } from '../nominations/dto/query.dto';

export class CreateExemplaryModelDto {
  @ApiProperty({ description: 'Mã hồ sơ của khen thưởng đã ký (trong sổ khen thưởng) mà câu chuyện nêu gương' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'nominationId chỉ gồm chữ, số, "-" và "_"' })
  nominationId: string;

  @ApiProperty({ example: 'Người thầy của vùng sâu' })
  @IsString()
  @IsNotEmpty({ message: 'Cần tiêu đề' })
  @MaxLength(300)
  title: string;

  @ApiProperty({ description: 'Nội dung câu chuyện' })
  @IsString()
  @IsNotEmpty({ message: 'Cần nội dung' })
  @MaxLength(50_000)
  text: string;

  @ApiPropertyOptional({ description: 'Ảnh minh họa (https)', example: 'https://tdkt.example.gov.vn/anh/guong-1.jpg' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'photoUrl phải là địa chỉ https' })
  @MaxLength(2000)
  photoUrl?: string;
}

export class ReviseExemplaryModelDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'Cần tiêu đề' })
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'Cần nội dung' })
  @MaxLength(50_000)
  text?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'photoUrl phải là địa chỉ https' })
  @MaxLength(2000)
  photoUrl?: string;
}

export class ConsentDto {
  @ApiProperty({
    description: 'Người đồng ý: người được nêu gương, hoặc người đại diện tập thể',
    example: 'Nguyễn Văn An',
  })
  @IsString()
  @IsNotEmpty({ message: 'Cần ghi người đồng ý' })
  @MaxLength(200)
  givenBy: string;

  @ApiProperty({ description: 'Ngày đồng ý', example: '2026-12-18' })
  @IsISO8601({ strict: true }, { message: 'givenOn phải là ngày, ví dụ 2026-12-18' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'givenOn phải là ngày, ví dụ 2026-12-18' })
  givenOn: string;

  @ApiProperty({
    description: 'Nơi lưu bản đồng ý có chữ ký (số văn bản, tên tệp)',
    example: 'Phiếu đồng ý số 12/2026',
  })
  @IsString()
  @IsNotEmpty({ message: 'Cần ghi nơi lưu bản đồng ý' })
  @MaxLength(500)
  evidence: string;
}

export class ReasonDto {
  @ApiProperty({ description: 'Lý do' })
  @IsString()
  @IsNotEmpty({ message: 'Cần lý do' })
  @MaxLength(2000)
  reason: string;
}

export class ListExemplaryModelsQueryDto extends PagingDto {
  @ApiPropertyOptional({
    description: 'Tìm theo tiêu đề, tên, hình thức, số quyết định, nội dung; không phân biệt dấu',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Năm của khen thưởng', minimum: 1900, maximum: 9999 })
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

  @ApiPropertyOptional({
    description: 'Chỉ Ban Thi đua – Khen thưởng và thanh tra: lọc theo trạng thái (người khác chỉ thấy bài đã công bố)',
    enum: ['DRAFT', 'PUBLISHED', 'UNPUBLISHED'],
  })
  @IsOptional()
  @IsIn(['DRAFT', 'PUBLISHED', 'UNPUBLISHED'], { message: 'status phải là DRAFT, PUBLISHED hoặc UNPUBLISHED' })
  status?: 'DRAFT' | 'PUBLISHED' | 'UNPUBLISHED';
}

export class RelatedAwardDto {
  @ApiProperty() nominationId: string;
  @ApiProperty({ example: '163/QĐ-UBND' }) decisionNumber: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty() nomineeName: string;
  @ApiProperty({ nullable: true, type: String }) nomineeKind: string | null;
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
}

export class ConsentViewDto {
  @ApiProperty() givenBy: string;
  @ApiProperty() givenOn: string;
  @ApiProperty() evidence: string;
}

export class HistoryEntryDto {
  @ApiProperty({ example: 'ExemplaryModelPublished' }) type: string;
  @ApiProperty() at: string;
  @ApiProperty() by: string;
  @ApiPropertyOptional() reason?: string;
}

export class ExemplaryModelDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['DRAFT', 'PUBLISHED', 'UNPUBLISHED'] }) status: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) photoUrl: string | null;
  @ApiProperty({ type: RelatedAwardDto }) award: RelatedAwardDto;
  @ApiPropertyOptional({
    type: ConsentViewDto,
    nullable: true,
    description: 'Chỉ Ban Thi đua – Khen thưởng và thanh tra thấy (dữ liệu cá nhân)',
  })
  consent?: ConsentViewDto | null;
  @ApiPropertyOptional({ type: [HistoryEntryDto], description: 'Chỉ Ban Thi đua – Khen thưởng và thanh tra thấy' })
  history?: HistoryEntryDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
}

export class ExemplaryModelPageDto {
  @ApiProperty({ type: [ExemplaryModelDto] }) items: ExemplaryModelDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

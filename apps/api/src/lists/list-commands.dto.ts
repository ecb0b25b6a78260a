import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** The most items one list request carries (a unit's year-end submission is tens, a December council hundreds). */
export const MAX_LIST_ITEMS = 500;
const ID = /^[A-Za-z0-9_-]{1,100}$/;

export class SubmissionDto {
  @ApiProperty({ example: '125/TTr-SGDĐT', description: 'Số tờ trình của đơn vị' })
  @IsString({ message: 'Cần số tờ trình' })
  @MaxLength(100)
  number: string;

  @ApiProperty({ example: '2026-11-02', description: 'Ngày tờ trình (YYYY-MM-DD)' })
  @IsString({ message: 'Cần ngày tờ trình' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày tờ trình phải có dạng YYYY-MM-DD' })
  date: string;

  @ApiProperty({ type: [String], description: 'Các hồ sơ trình kèm tờ trình (mỗi hồ sơ một sự kiện riêng)' })
  @IsArray({ message: 'nominationIds phải là danh sách' })
  @ArrayMinSize(1, { message: 'Danh sách không có hồ sơ nào' })
  @ArrayMaxSize(MAX_LIST_ITEMS, { message: `Tối đa ${MAX_LIST_ITEMS} hồ sơ mỗi lần` })
  @Matches(ID, { each: true, message: 'Mã hồ sơ không hợp lệ' })
  nominationIds: string[];
}

export class ClusterReviewItemDto {
  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'Mã hồ sơ không hợp lệ' })
  nominationId: string;

  @ApiProperty({ enum: ['endorse', 'return', 'reject'] })
  @IsIn(['endorse', 'return', 'reject'], { message: 'decision phải là endorse, return hoặc reject' })
  decision: 'endorse' | 'return' | 'reject';

  @ApiPropertyOptional({ description: 'Bắt buộc khi trả lại hoặc không đề nghị' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ClusterReviewListDto {
  @ApiProperty({ type: [ClusterReviewItemDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'Danh sách không có hồ sơ nào' })
  @ArrayMaxSize(MAX_LIST_ITEMS, { message: `Tối đa ${MAX_LIST_ITEMS} hồ sơ mỗi lần` })
  @ValidateNested({ each: true })
  @Type(() => ClusterReviewItemDto)
  items: ClusterReviewItemDto[];
}

export class OfficeCheckItemDto {
  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'Mã hồ sơ không hợp lệ' })
  nominationId: string;

  @ApiProperty({ enum: ['complete', 'incomplete'] })
  @IsIn(['complete', 'incomplete'], { message: 'decision phải là complete hoặc incomplete' })
  decision: 'complete' | 'incomplete';

  @ApiPropertyOptional({ type: [String], description: 'Thành phần còn thiếu (khi chưa đầy đủ)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  missing?: string[];

  @ApiPropertyOptional({ description: 'Khi chưa đầy đủ mà không nêu `missing`: nội dung này là thành phần còn thiếu' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class OfficeCheckListDto {
  @ApiProperty({ type: [OfficeCheckItemDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'Danh sách không có hồ sơ nào' })
  @ArrayMaxSize(MAX_LIST_ITEMS, { message: `Tối đa ${MAX_LIST_ITEMS} hồ sơ mỗi lần` })
  @ValidateNested({ each: true })
  @Type(() => OfficeCheckItemDto)
  items: OfficeCheckItemDto[];
}

export class ListItemResultDto {
  @ApiProperty() nominationId: string;
  @ApiProperty({ enum: ['accepted', 'refused'] }) outcome: 'accepted' | 'refused';
  @ApiPropertyOptional({ description: 'Trạng thái hồ sơ sau lệnh (khi được chấp nhận)' }) status?: string;
  @ApiPropertyOptional({ description: 'Mã lỗi (khi bị từ chối)', example: 'WRONG_STAGE' }) code?: string;
  @ApiPropertyOptional({ description: 'Lý do bằng tiếng Việt (khi bị từ chối)' }) message?: string;
  @ApiPropertyOptional() field?: string;
}

export class ListResultDto {
  @ApiProperty() accepted: number;
  @ApiProperty() refused: number;
  @ApiProperty({ type: [ListItemResultDto], description: 'Theo đúng thứ tự gửi lên' }) items: ListItemResultDto[];
}

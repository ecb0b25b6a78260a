import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const ID_MESSAGE = 'Mã hồ sơ chỉ gồm chữ, số, "-" và "_"';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Ngày phải có dạng YYYY-MM-DD';

export class PublishNoticeDto {
  @ApiProperty({ example: 'Danh sách đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2026' })
  @IsString()
  @IsNotEmpty({ message: 'Cần tên danh sách công khai' })
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({
    description:
      'Ngày danh sách thực tế được niêm yết/đăng (YYYY-MM-DD, giờ Việt Nam), không sau hôm nay, không trước quá 60 ngày. Bỏ trống: ngay lúc này.',
    example: '2026-11-02',
  })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  startDate?: string;

  @ApiProperty({ type: [String], description: 'Hồ sơ đưa ra công khai (hình thức có chính sách công khai)' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Danh sách công khai cần ít nhất một hồ sơ' })
  @ArrayMaxSize(2000)
  @Matches(ID, { each: true, message: ID_MESSAGE })
  nominationIds: string[];
}

export class PublicCommentDto {
  @ApiProperty({ description: 'Hồ sơ được góp ý (một hồ sơ trong danh sách)' })
  @Matches(ID, { message: ID_MESSAGE })
  nominationId: string;

  @ApiProperty({ example: 'Trần Thị Bình' })
  @IsString()
  @IsNotEmpty({ message: 'Cần họ tên người góp ý' })
  @MaxLength(200)
  name: string;

  @ApiProperty({
    description: 'Số điện thoại hoặc thư điện tử để cơ quan trả lời (chỉ thường trực hội đồng và thanh tra xem được)',
    example: '0912 345 678',
  })
  @IsString()
  @IsNotEmpty({ message: 'Cần số điện thoại hoặc thư điện tử để liên hệ' })
  @MaxLength(200)
  contact: string;

  @ApiProperty({ description: 'Nội dung góp ý' })
  @IsString()
  @IsNotEmpty({ message: 'Cần nội dung góp ý' })
  @MaxLength(5000)
  text: string;
}

const RESOLUTIONS = ['dismissed', 'held', 'returned'];

export class CommentResolutionDto {
  @ApiProperty({
    enum: RESOLUTIONS,
    description:
      'dismissed: không có cơ sở (nêu lý do); held: tạm dừng hồ sơ để xác minh (hệ thống tạm dừng hồ sơ, vụ việc: khiếu nại); returned: hồ sơ đã được trả lại, rút hoặc không được xét',
  })
  @IsIn(RESOLUTIONS, { message: 'resolution phải là dismissed, held hoặc returned' })
  resolution: 'dismissed' | 'held' | 'returned';

  @ApiProperty({ description: 'Lý do, cách giải quyết ý kiến' })
  @IsString()
  @IsNotEmpty({ message: 'Cần lý do, cách giải quyết ý kiến' })
  @MaxLength(2000)
  reason: string;
}

export class ForwardingDto {
  @ApiProperty({ example: '245/TTr-UBND', description: 'Số tờ trình của Chủ tịch UBND tỉnh đề nghị cấp Trung ương' })
  @IsString()
  @IsNotEmpty({ message: 'Cần số tờ trình' })
  @MaxLength(100)
  submissionNumber: string;

  @ApiProperty({ example: '2026-11-26', description: 'Ngày tờ trình (YYYY-MM-DD)' })
  @Matches(DATE, { message: DATE_MESSAGE })
  submissionDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class CentralDecisionDto {
  @ApiProperty({ description: 'true: cấp Trung ương quyết định khen thưởng; false: không khen thưởng (nêu lý do)' })
  @IsBoolean({ message: 'approved phải là true hoặc false' })
  approved: boolean;

  @ApiPropertyOptional({ example: '88/QĐ-TTg', description: 'Số quyết định (bắt buộc khi approved)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  decisionNumber?: string;

  @ApiPropertyOptional({ example: '2027-01-15', description: 'Ngày quyết định (YYYY-MM-DD; bắt buộc khi approved)' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  decisionDate?: string;

  @ApiPropertyOptional({
    example: 'Thủ tướng Chính phủ',
    description: 'Cơ quan, người quyết định (bắt buộc khi approved)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  authority?: string;

  @ApiPropertyOptional({ description: 'Lý do không được khen thưởng (bắt buộc khi không approved)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

// ---- responses ------------------------------------------------------------------------------------

export class NoticeItemDto {
  @ApiProperty() nominationId: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty() nomineeName: string;
  @ApiProperty({ enum: ['individual', 'collective'] }) nomineeKind: string;
  @ApiProperty() unitId: string;
}

export class PublicNoticeDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() publishedAt: string;
  @ApiProperty({ description: 'Bắt đầu công khai' }) startsAt: string;
  @ApiProperty({ description: 'Hết thời gian công khai: không nhận thêm ý kiến; hội đồng được xét từ lúc này' })
  endsAt: string;
  @ApiProperty({ description: 'Số ngày làm việc công khai' }) workingDays: number;
  @ApiProperty({ type: [NoticeItemDto] }) items: NoticeItemDto[];
  @ApiProperty({ description: 'Số ý kiến đã nhận' }) comments: number;
  @ApiProperty({ description: 'Số ý kiến chưa được giải quyết' }) openComments: number;
}

export class PublishedNoticeDto {
  @ApiProperty() id: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() workingDays: number;
}

export class CommentReceiptDto {
  @ApiProperty({ description: 'Mã ý kiến (để tra cứu khi cơ quan trả lời)' }) commentId: string;
}

export class CommentResolutionViewDto {
  @ApiProperty({ enum: ['DISMISSED', 'HELD', 'RETURNED'] }) kind: string;
  @ApiProperty() reason: string;
  @ApiProperty() by: string;
  @ApiProperty() at: string;
}

export class NoticeCommentDto {
  @ApiProperty() commentId: string;
  @ApiProperty() nominationId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ description: 'Chỉ thường trực hội đồng và thanh tra xem được' }) contact?: string;
  @ApiProperty() text: string;
  @ApiProperty() receivedAt: string;
  @ApiPropertyOptional({ type: CommentResolutionViewDto }) resolution?: CommentResolutionViewDto;
}

export class NoticeCommentsDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ type: [NoticeCommentDto] }) comments: NoticeCommentDto[];
}

export class ResolvedCommentDto {
  @ApiProperty() commentId: string;
  @ApiProperty() noticeId: string;
  @ApiProperty({ enum: ['DISMISSED', 'HELD', 'RETURNED'] }) resolution: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NOTICE_KINDS } from '@tdkt/domain';
import { PagingDto, toBoolean } from '../nominations/dto/query.dto';

const REASONS = [
  'AWAITING',
  'REMINDER',
  'ESCALATED',
  'ESCALATED_TO_YOU',
  'AWARDED',
  'REJECTED',
  'RETURNED',
  'WITHDRAWN',
  'REVOKED',
];

export class NotificationFeedQueryDto extends PagingDto {
  @ApiPropertyOptional({ description: 'Chỉ thông báo chưa đọc', default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unreadOnly?: boolean;
}

export class NotificationStreamQueryDto {
  @ApiPropertyOptional({
    description:
      'Mã đăng nhập (accessToken) khi không gửi được tiêu đề Authorization: EventSource của trình duyệt không đặt được tiêu đề. ' +
      'Cũng nhận cookie `tdkt_access_token`. Chỉ đường dẫn này nhận mã đăng nhập ngoài tiêu đề.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  access_token?: string;

  @ApiPropertyOptional({
    description: 'Tiếp tục sau vị trí này (như tiêu đề Last-Event-ID mà EventSource tự gửi khi kết nối lại)',
    example: '42',
  })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'lastEventId phải là một số nguyên không âm' })
  lastEventId?: string;
}

export class NotificationDto {
  @ApiProperty({ description: 'Mã thông báo (cố định cho mỗi sự kiện và người nhận)', example: '3f1c…' })
  id: string;

  @ApiProperty({
    enum: NOTICE_KINDS,
    description: 'awaiting: hồ sơ chờ anh/chị xử lý; overdue: nhắc hạn, quá hạn; outcome: kết quả hồ sơ của đơn vị',
  })
  kind: string;

  @ApiProperty({ enum: REASONS, description: 'Lý do cụ thể' })
  reason: string;

  @ApiProperty({ description: 'Sự kiện gây ra thông báo', example: 'NominationSubmitted' })
  eventType: string;

  @ApiProperty()
  nominationId: string;

  @ApiProperty({ example: 'Chờ anh/chị xét hồ sơ ở cụm thi đua: Nguyễn Văn An' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ description: 'Thời điểm của sự kiện (ISO 8601)' })
  at: string;

  @ApiProperty({ description: 'Vị trí của sự kiện trong nhật ký (thứ tự, và id của sự kiện SSE)' })
  position: number;

  @ApiProperty()
  read: boolean;
}

export class NotificationFeedDto {
  @ApiProperty({ type: [NotificationDto], description: 'Mới nhất trước' })
  items: NotificationDto[];

  @ApiProperty({ description: 'Số thông báo (theo bộ lọc)' })
  total: number;

  @ApiProperty({ description: 'Số thông báo chưa đọc của người dùng (mọi trang)' })
  unread: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

export class MarkReadResultDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: true })
  read: boolean;

  @ApiProperty({ description: 'Số thông báo chưa đọc còn lại' })
  unread: number;
}

export class ChannelsDto {
  @ApiProperty({ description: 'Hiện trong ứng dụng' })
  @IsDefined({ message: 'Cần cho biết có nhận trong ứng dụng không (true/false)' })
  @IsBoolean()
  inApp: boolean;

  @ApiProperty({ description: 'Gửi thư điện tử' })
  @IsDefined({ message: 'Cần cho biết có nhận qua thư điện tử không (true/false)' })
  @IsBoolean()
  email: boolean;
}

export class OverdueChannelsDto extends ChannelsDto {
  @ApiProperty({ description: 'Gom nhắc hạn/quá hạn vào một thư mỗi ngày thay vì một thư mỗi lần (cần email: true)' })
  @IsDefined({ message: 'Cần cho biết có gom vào thư tổng hợp hằng ngày không (true/false)' })
  @IsBoolean()
  dailyDigest: boolean;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: ChannelsDto, description: 'Hồ sơ chuyển đến bước chờ anh/chị xử lý' })
  @IsDefined({ message: 'Cần lựa chọn cho loại thông báo "chờ xử lý"' })
  @ValidateNested()
  @Type(() => ChannelsDto)
  awaiting: ChannelsDto;

  @ApiProperty({ type: OverdueChannelsDto, description: 'Nhắc hạn và quá hạn xử lý' })
  @IsDefined({ message: 'Cần lựa chọn cho loại thông báo "nhắc hạn, quá hạn"' })
  @ValidateNested()
  @Type(() => OverdueChannelsDto)
  overdue: OverdueChannelsDto;

  @ApiProperty({
    type: ChannelsDto,
    description: 'Kết quả hồ sơ của đơn vị (khen thưởng, không khen thưởng, trả lại, rút, hủy bỏ)',
  })
  @IsDefined({ message: 'Cần lựa chọn cho loại thông báo "kết quả hồ sơ"' })
  @ValidateNested()
  @Type(() => ChannelsDto)
  outcome: ChannelsDto;
}

export class NotificationPreferencesResultDto extends NotificationPreferencesDto {
  @ApiProperty({ description: 'Có địa chỉ thư trong danh bạ tổ chức (không có: chỉ nhận trong ứng dụng)' })
  emailAddressKnown: boolean;

  @ApiProperty({ description: 'Hệ thống có cấu hình máy chủ thư (SMTP)' })
  mailEnabled: boolean;

  @ApiProperty({ description: 'Giờ gửi thư tổng hợp hằng ngày (giờ Việt Nam)', example: '07:00' })
  digestTime: string;
}

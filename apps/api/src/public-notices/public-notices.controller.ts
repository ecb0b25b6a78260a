import { Body, Controller, Get, HttpCode, Injectable, Param, Post, Req, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { domainError, type Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { ErrorBody } from '../http/openapi';
import {
  CommentReceiptDto,
  NoticeCommentsDto,
  PublicCommentDto,
  PublicNoticeDto,
  PublishedNoticeDto,
  PublishNoticeDto,
} from './public-notices.dto';
import { PublicNoticesService } from './public-notices.service';

/** Notice ids are UUIDs; anything else names no notice. */
@Injectable()
export class NoticeIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(value)) throw domainError('NOTICE_NOT_FOUND');
    return value;
  }
}

const clientAddress = (req: { ip?: string; socket?: { remoteAddress?: string } }) =>
  req.ip ?? req.socket?.remoteAddress ?? 'unknown';

@ApiTags('public-notices')
@Controller('api/public-notices')
export class PublicNoticesController {
  constructor(private readonly notices: PublicNoticesService) {}

  @Post()
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: PublishedNoticeDto })
  @ApiOperation({
    summary:
      'Công khai danh sách đề nghị để lấy ý kiến (thường trực hội đồng): hội đồng chỉ được xét khi hết số ngày làm việc công khai và mọi ý kiến đã được giải quyết',
  })
  publish(@CurrentActor() actor: Actor, @Body() body: PublishNoticeDto) {
    return this.notices.publish(actor, body);
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: [PublicNoticeDto], description: 'Danh sách đang công khai lấy ý kiến' })
  @ApiOperation({ summary: 'Các danh sách đang công khai lấy ý kiến (không cần đăng nhập)' })
  list() {
    return this.notices.listOpen();
  }

  @Get(':id/comments')
  @ApiBearerAuth()
  @ApiOkResponse({ type: NoticeCommentsDto })
  @ApiResponse({
    status: 403,
    type: ErrorBody,
    description: 'PUBLIC_COMMENTS_NOT_ALLOWED: chỉ thường trực hội đồng, thành viên hội đồng, Chủ tịch và thanh tra',
  })
  @ApiOperation({
    summary:
      'Ý kiến góp ý về danh sách và việc giải quyết; thông tin liên hệ của người góp ý chỉ thường trực hội đồng và thanh tra xem được',
  })
  comments(@CurrentActor() actor: Actor, @Param('id', NoticeIdPipe) id: string) {
    return this.notices.comments(actor, id);
  }

  @Post(':id/comments')
  @Public()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommentReceiptDto })
  @ApiResponse({
    status: 409,
    type: ErrorBody,
    description: 'NOTICE_CLOSED: danh sách không còn trong thời gian công khai',
  })
  @ApiResponse({ status: 429, type: ErrorBody, description: 'TOO_MANY_COMMENTS: quá nhiều ý kiến từ cùng một địa chỉ' })
  @ApiOperation({
    summary: 'Góp ý về một hồ sơ trong danh sách đang công khai (không cần đăng nhập): họ tên, liên hệ, nội dung',
  })
  comment(
    @Req() req: { ip?: string; socket?: { remoteAddress?: string } },
    @Param('id', NoticeIdPipe) id: string,
    @Body() body: PublicCommentDto,
  ) {
    return this.notices.comment(id, body, clientAddress(req));
  }
}

import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiCookieAuth,
  ApiSecurity,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { NotFoundException } from '@nestjs/common';
import type { Actor } from '@tdkt/domain';
import {
  markNotificationRead,
  notificationFeed,
  notificationPreferences,
  saveNotificationPreferences,
  unreadCount,
} from '@tdkt/projections';
import type { ApiRuntime } from '../api-runtime';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorBody } from '../http/openapi';
import { API_RUNTIME } from '../tokens';
import {
  MarkReadResultDto,
  NotificationFeedDto,
  NotificationFeedQueryDto,
  NotificationPreferencesDto,
  NotificationPreferencesResultDto,
  NotificationStreamQueryDto,
} from './notification.dto';
import { NOTIFICATION_OPTIONS } from './notification-tokens';
import type { ResolvedNotificationOptions } from './notification-options';
import { NotificationStreams, type StreamRequest, type StreamResponse } from './notification-streams';
import { STREAM_QUERY_AUTH, STREAM_TOKEN_COOKIE } from './stream-token';

const notFound = () =>
  new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    code: 'NOTIFICATION_NOT_FOUND',
    message: 'Không tìm thấy thông báo này',
  });

@ApiTags('notifications')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody, description: 'Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ' })
@Controller()
export class NotificationsController {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: ResolvedNotificationOptions,
    private readonly streams: NotificationStreams,
  ) {}

  @Get('api/notifications')
  @ApiOperation({
    summary: 'Thông báo của người đang đăng nhập, mới nhất trước, kèm số chưa đọc',
    description:
      'Hồ sơ chuyển đến bước chờ anh/chị xử lý, nhắc hạn/quá hạn, và kết quả hồ sơ do đơn vị của anh/chị đề nghị. ' +
      'Chỉ gồm các loại anh/chị chọn nhận trong ứng dụng (GET /api/me/notification-preferences).',
  })
  @ApiOkResponse({ type: NotificationFeedDto })
  feed(@CurrentActor() actor: Actor, @Query() query: NotificationFeedQueryDto): Promise<NotificationFeedDto> {
    return notificationFeed(this.runtime.readDb, actor.userId, query);
  }

  @Get('api/notifications/stream')
  @ApiOperation({
    summary: 'Thông báo trực tiếp (Server-Sent Events)',
    description:
      'text/event-stream. `event: unread` — `{"unread": n}` khi mở và mỗi khi số chưa đọc thay đổi; ' +
      '`event: notification` — một thông báo (như một phần tử của GET /api/notifications), `id` là vị trí sự kiện. ' +
      'Khi kết nối lại, EventSource gửi Last-Event-ID để nhận tiếp các thông báo đã lỡ. ' +
      'Xác thực: tiêu đề `Authorization: Bearer <accessToken>`, hoặc — vì EventSource không đặt được tiêu đề — tham số ' +
      '`access_token=<accessToken>` hay cookie `tdkt_access_token` (chỉ đường dẫn này nhận như vậy).',
  })
  @ApiSecurity(STREAM_QUERY_AUTH)
  @ApiCookieAuth(STREAM_TOKEN_COOKIE)
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Vị trí của thông báo cuối đã nhận' })
  @ApiOkResponse({
    description:
      'Luồng sự kiện SSE. Máy chủ đóng luồng sau một thời gian (mặc định 10 phút); EventSource tự kết nối lại và nhận tiếp.',
    content: {
      'text/event-stream': {
        schema: {
          type: 'string',
          example:
            'retry: 3000\n\nevent: unread\ndata: {"unread":2}\n\nid: 42\nevent: notification\ndata: {"id":"…","kind":"awaiting",…}\n\n',
        },
      },
    },
  })
  async stream(
    @CurrentActor() actor: Actor,
    @Query() query: NotificationStreamQueryDto,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Req() req: StreamRequest,
    @Res() res: StreamResponse,
  ): Promise<void> {
    const raw = lastEventIdHeader ?? query.lastEventId;
    const last = raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
    await this.streams.open(actor.userId, req, res, last);
  }

  @Post('api/notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu một thông báo là đã đọc (đánh dấu lại không đổi gì)' })
  @ApiOkResponse({ type: MarkReadResultDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'Không có thông báo này trong các thông báo của anh/chị' })
  async read(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MarkReadResultDto> {
    if (!/^[0-9a-f]{32}$/.test(id)) throw notFound();
    const db = this.runtime.readDb;
    if (!(await markNotificationRead(db, actor.userId, id, this.options.now()))) throw notFound();
    this.streams.poke(actor.userId);
    return { id, read: true, unread: await unreadCount(db, actor.userId) };
  }

  @Get('api/me/notification-preferences')
  @ApiOperation({
    summary: 'Các loại thông báo anh/chị nhận, theo kênh (ứng dụng, thư điện tử, thư tổng hợp hằng ngày)',
  })
  @ApiOkResponse({ type: NotificationPreferencesResultDto })
  async preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesResultDto> {
    return this.withContext(actor, await notificationPreferences(this.runtime.readDb, actor.userId));
  }

  @Put('api/me/notification-preferences')
  @ApiOperation({
    summary: 'Chọn các loại thông báo nhận, theo kênh',
    description: 'Thay toàn bộ lựa chọn; áp dụng cho các thông báo phát sinh từ nay.',
  })
  @ApiOkResponse({ type: NotificationPreferencesResultDto })
  async setPreferences(
    @CurrentActor() actor: Actor,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesResultDto> {
    const saved = await saveNotificationPreferences(this.runtime.readDb, actor.userId, body, this.options.now());
    return this.withContext(actor, saved);
  }

  private withContext(actor: Actor, prefs: NotificationPreferencesDto): NotificationPreferencesResultDto {
    const { smtp, digestTime } = this.runtime.config.notifications;
    return {
      ...prefs,
      emailAddressKnown: Boolean(this.runtime.directory.user(actor.userId)?.email),
      mailEnabled: Boolean(smtp),
      digestTime,
    };
  }
}

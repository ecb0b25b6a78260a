import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Injectable,
  Param,
  Post,
  Req,
  StreamableFile,
  type PipeTransform,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { domainError, type Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import {
  BlindSignatureRequestDto,
  ChangeAgendaDto,
  ConveneSessionDto,
  RecusalDto,
  SecretBallotDto,
  SessionBallotDto,
} from './council-sessions.dto';
import {
  BlindSignatureDto,
  ConvenedSessionDto,
  PublishedBallotsDto,
  SecretBallotReceiptDto,
  SecretItemKeyDto,
  SessionCommandResultDto,
  SessionDetailDto,
  SessionSummaryDto,
} from './council-sessions.responses';
import { CouncilSessionsService } from './council-sessions.service';
import { ErrorBody } from '../http/openapi';

/** Readers outside the council's circle (unit staff, cluster leaders): 403 (read-access `mayReadCouncilSessions`). */
const NOT_A_SESSION_READER = {
  type: ErrorBody,
  description: 'COUNCIL_SESSION_NOT_ALLOWED: chỉ Hội đồng, thường trực hội đồng, Chủ tịch và thanh tra',
};
const COMMAND_DONE = { type: SessionCommandResultDto };

/** Ids are letters, digits, "-" and "_"; anything else names no session. */
@Injectable()
export class SessionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(value)) throw domainError('SESSION_NOT_FOUND');
    return value;
  }
}
@Injectable()
export class ItemIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(value))
      throw domainError('NOT_ON_AGENDA', 'Mã hồ sơ không hợp lệ', 'nominationId');
    return value;
  }
}

@ApiTags('council-sessions')
@ApiBearerAuth()
@Controller('api/council-sessions')
export class CouncilSessionsController {
  constructor(private readonly sessions: CouncilSessionsService) {}

  @Post()
  @ApiCreatedResponse({ type: ConvenedSessionDto })
  @ApiOperation({ summary: 'Triệu tập phiên họp với chương trình (thường trực hội đồng) → 201 {id}' })
  convene(@CurrentActor() actor: Actor, @Body() body: ConveneSessionDto) {
    return this.sessions.convene(actor, body);
  }

  @Get()
  @ApiOkResponse({ type: [SessionSummaryDto], description: 'Phiên họp mới nhất (theo thời điểm họp) trước' })
  @ApiForbiddenResponse(NOT_A_SESSION_READER)
  @ApiOperation({ summary: 'Danh sách phiên họp (hội đồng, thường trực, Chủ tịch, thanh tra)' })
  list(@CurrentActor() actor: Actor) {
    this.sessions.canRead(actor);
    return this.sessions.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: SessionDetailDto })
  @ApiForbiddenResponse(NOT_A_SESSION_READER)
  @ApiOperation({ summary: 'Chương trình (trạng thái từng hồ sơ), điểm danh; sau khi bế mạc: kết quả từng hồ sơ' })
  view(@CurrentActor() actor: Actor, @Param('id', SessionIdPipe) id: string) {
    this.sessions.canRead(actor);
    return this.sessions.view(id);
  }

  @Post(':id/agenda')
  @HttpCode(200)
  @ApiOkResponse(COMMAND_DONE)
  @ApiOperation({ summary: 'Thêm/rút hồ sơ khỏi chương trình (trước khi khai mạc)' })
  agenda(@CurrentActor() actor: Actor, @Param('id', SessionIdPipe) id: string, @Body() body: ChangeAgendaDto) {
    return this.sessions.run(id, actor, { type: 'ChangeAgenda', add: body.add ?? [], remove: body.remove ?? [] });
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @ApiOkResponse(COMMAND_DONE)
  @ApiOperation({ summary: 'Thành viên điểm danh có mặt' })
  checkIn(@CurrentActor() actor: Actor, @Param('id', SessionIdPipe) id: string) {
    return this.sessions.run(id, actor, { type: 'CheckIn' });
  }

  @Post(':id/open')
  @HttpCode(200)
  @ApiOkResponse(COMMAND_DONE)
  @ApiOperation({ summary: 'Khai mạc (đủ số thành viên có mặt theo quy chế): mở biểu quyết mọi hồ sơ' })
  open(@CurrentActor() actor: Actor, @Param('id', SessionIdPipe) id: string) {
    return this.sessions.run(id, actor, { type: 'OpenSession' });
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse(COMMAND_DONE)
  @ApiOperation({
    summary: 'Bế mạc: kiểm phiếu từng hồ sơ theo quy tắc của hình thức khen thưởng (lần hai: không đổi gì)',
  })
  close(@CurrentActor() actor: Actor, @Param('id', SessionIdPipe) id: string) {
    return this.sessions.run(id, actor, { type: 'CloseSession' });
  }

  @Post(':id/recusals')
  @ApiCreatedResponse(COMMAND_DONE)
  @ApiOperation({ summary: 'Thành viên rút khỏi biểu quyết một hồ sơ' })
  recuse(@CurrentActor() actor: Actor, @Param('id', SessionIdPipe) id: string, @Body() body: RecusalDto) {
    return this.sessions.run(id, actor, {
      type: 'RecuseFromItem',
      nominationId: body.nominationId,
      reason: body.reason,
    });
  }

  @Post(':id/ballots')
  @ApiCreatedResponse(COMMAND_DONE)
  @ApiOperation({
    summary:
      'Một phiếu biểu quyết công khai cho cả chương trình (thành viên); phiếu gửi trước của thành viên vắng mặt (thường trực, inWriting + onBehalfOf)',
  })
  ballot(@CurrentActor() actor: Actor, @Param('id', SessionIdPipe) id: string, @Body() body: SessionBallotDto) {
    const choices = body.choices.map((c) => ({ nominationId: c.nominationId, choice: c.choice }));
    if (body.inWriting) {
      if (!body.onBehalfOf) throw domainError('ON_BEHALF_OF', 'Phiếu gửi trước cần onBehalfOf', 'onBehalfOf');
      return this.sessions.run(id, actor, { type: 'RecordWrittenBallot', onBehalfOf: body.onBehalfOf, choices });
    }
    if (body.onBehalfOf !== undefined)
      throw domainError('ON_BEHALF_OF', 'onBehalfOf chỉ dùng cho phiếu gửi trước (inWriting)', 'onBehalfOf');
    return this.sessions.run(id, actor, { type: 'CastSessionBallot', choices });
  }

  @Get(':id/secret-items/:nominationId/key')
  @Public()
  @ApiOkResponse({ type: SecretItemKeyDto })
  @ApiOperation({
    summary:
      'Khóa công khai của hồ sơ bỏ phiếu kín: {suite, publicKey (SPKI, base64url)} — công khai: thành viên cần để làm mù mã phiếu, ai cũng cần để kiểm chữ ký của phiếu đã công bố',
  })
  key(@Param('id', SessionIdPipe) id: string, @Param('nominationId', ItemIdPipe) nominationId: string) {
    return this.sessions.key(id, nominationId);
  }

  @Post(':id/secret-items/:nominationId/blind-signature')
  @ApiCreatedResponse({ type: BlindSignatureDto })
  @ApiOperation({ summary: 'Một chữ ký mù cho thành viên được biểu quyết (một lần): {blindSignature}' })
  async blindSignature(
    @CurrentActor() actor: Actor,
    @Param('id', SessionIdPipe) id: string,
    @Param('nominationId', ItemIdPipe) nominationId: string,
    @Body() body: BlindSignatureRequestDto,
  ) {
    const out = await this.sessions.run(id, actor, {
      type: 'IssueBlindSignature',
      nominationId,
      blindedMessage: body.blindedMessage,
    });
    return { blindSignature: out.blindSignature };
  }

  @Post(':id/secret-items/:nominationId/ballots')
  @Public()
  @ApiCreatedResponse({ type: SecretBallotReceiptDto })
  @ApiOperation({
    summary:
      'Bỏ phiếu kín KHÔNG đăng nhập (không gửi Authorization): mã phiếu + chữ ký + lựa chọn → {receipt}. Không ghi danh tính, không ghi thông tin yêu cầu.',
  })
  async castSecret(
    @Req() req: { headers: Record<string, unknown> },
    @Param('id', SessionIdPipe) id: string,
    @Param('nominationId', ItemIdPipe) nominationId: string,
    @Body() body: SecretBallotDto,
  ) {
    // A ballot that arrives signed in would tie the choice to the account: refuse it, write nothing.
    if (req.headers.authorization !== undefined)
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION',
        message: 'Phiếu kín gửi không kèm Authorization (không đăng nhập)',
        errors: [{ field: 'Authorization', reasons: ['Không gửi thông tin đăng nhập cùng phiếu kín'] }],
      });
    const { receipt } = await this.sessions.castSecret(id, nominationId, body);
    return { receipt };
  }

  @Get(':id/secret-items/:nominationId/ballots')
  @Public()
  @ApiOkResponse({ type: PublishedBallotsDto })
  @ApiOperation({
    summary: 'Sau khi bế mạc, công khai: danh sách phiếu kín (mã băm mã phiếu, lựa chọn) để ai cũng kiểm lại',
  })
  published(@Param('id', SessionIdPipe) id: string, @Param('nominationId', ItemIdPipe) nominationId: string) {
    return this.sessions.published(id, nominationId);
  }

  @Get(':id/minutes.pdf')
  // The type is set by the StreamableFile on success only: a refusal stays a JSON ErrorBody.
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'Biên bản họp (PDF, A4)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiForbiddenResponse(NOT_A_SESSION_READER)
  @ApiOperation({ summary: 'Biên bản họp (PDF, A4): Hội đồng, thường trực hội đồng, Chủ tịch, thanh tra' })
  async minutes(@CurrentActor() actor: Actor, @Param('id', SessionIdPipe) id: string) {
    this.sessions.canRead(actor);
    return new StreamableFile(await this.sessions.minutes(id), {
      type: 'application/pdf',
      disposition: `inline; filename="bien-ban-${id}.pdf"`,
    });
  }
}

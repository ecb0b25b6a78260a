import {
  BadRequestException,
  Body,
  Controller,
  Headers,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  type PipeTransform,
  Injectable,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { nominationNotFound, type Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { DecisionsService } from '../decisions/decisions.service';
import { edgeError } from '../http/errors';
import {
  DraftNominationCommand,
  EditNominationCommand,
  RunNominationIntentCommand,
  SubmitNominationCommand,
  type CommandResult,
} from './commands/commands';
import {
  ClusterReviewDto,
  CommentDto,
  DraftNominationDto,
  EditNominationDto,
  HoldDto,
  OfficeCheckDto,
  RevocationDto,
  SignatureDto,
  SubmitDto,
  VoteDto,
} from './dto/nomination.dto';
import { asOfInstant, AsOfQueryDto, ListNominationsQueryDto } from './dto/query.dto';
import { AuditEntryDto, CommandResultDto, NominationDetailDto, NominationPageDto } from './dto/responses.dto';
import { GetAuditTrailQuery, GetNominationQuery, ListNominationsQuery } from './queries/queries';
import { RecordsPersonalDataRead } from '../audit/access-log';

/** Nomination ids are UUIDs (or imported ids like reg-0000001): letters, digits, "-" and "_"; anything else names none. */
@Injectable()
export class NominationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(value)) throw nominationNotFound();
    return value;
  }
}

const withComment = (comment?: string) => (comment ? { comment } : {});

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('api/nominations')
export class NominationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly decisions: DecisionsService,
  ) {}

  private run(id: string, actor: Actor, intent: RunNominationIntentCommand['intent']): Promise<CommandResult> {
    return this.commands.execute(new RunNominationIntentCommand(id, actor, intent));
  }

  // ------------------------------------------------------------------ commands

  @Post()
  @ApiOperation({ summary: 'Lập hồ sơ đề nghị (cán bộ TĐKT đơn vị) → 201 {id, status}' })
  @ApiCreatedResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Khóa do máy khách tạo (tối đa 200 ký tự) để gửi lại an toàn khi không nhận được trả lời: cùng người dùng, cùng khóa → cùng một hồ sơ, không tạo hồ sơ thứ hai.',
  })
  draft(
    @CurrentActor() actor: Actor,
    @Body() body: DraftNominationDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CommandResult> {
    const key = idempotencyKey?.trim();
    if (key && key.length > 200)
      throw new BadRequestException({
        ...edgeError('VALIDATION'),
        errors: [{ field: 'Idempotency-Key', reasons: ['Idempotency-Key tối đa 200 ký tự'] }],
      });
    return this.commands.execute(new DraftNominationCommand(actor, body, key || undefined));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa hồ sơ (cán bộ TĐKT đơn vị; khi đang lập hoặc bị trả lại)' })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  edit(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: EditNominationDto,
  ): Promise<CommandResult> {
    return this.commands.execute(new EditNominationCommand(id, actor, body));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trình hồ sơ (thủ trưởng đơn vị), có thể xác định khen thưởng đột xuất; hồ sơ bị trả lại thì trình lại',
  })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  submit(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: SubmitDto,
  ): Promise<CommandResult> {
    return this.commands.execute(new SubmitNominationCommand(id, actor, body.comment, body.oneOff));
  }

  @Post(':id/cluster-review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cụm thi đua xét: endorse | return (nêu lý do) | reject (nêu lý do)' })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  clusterReview(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: ClusterReviewDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'ReviewAtCluster', decision: body.decision, ...withComment(body.comment) });
  }

  @Post(':id/office-check')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Thẩm định hồ sơ (thường trực hội đồng): complete → trình Hội đồng | incomplete → trả lại, nêu thành phần còn thiếu',
  })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  officeCheck(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: OfficeCheckDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, {
      type: 'RecordOfficeCheck',
      result: body.result,
      ...(body.missing !== undefined ? { missing: body.missing } : {}),
      ...withComment(body.comment),
    });
  }

  @Post(':id/voting/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mở biểu quyết của hội đồng (thường trực hội đồng)' })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  openVoting(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: CommentDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'OpenCouncilVoting', ...withComment(body.comment) });
  }

  @Post(':id/voting/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết thúc biểu quyết (thường trực hội đồng); tự kết thúc khi mọi thành viên đã biểu quyết' })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  closeVoting(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: CommentDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'CloseCouncilVoting', ...withComment(body.comment) });
  }

  @Post(':id/votes')
  @ApiOperation({ summary: 'Biểu quyết (thành viên hội đồng): approve | reject | abstain' })
  @ApiCreatedResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  vote(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: VoteDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, {
      type: 'CastCouncilVote',
      choice: body.choice,
      ...(body.inWriting !== undefined ? { inWriting: body.inWriting } : {}),
      ...withComment(body.comment),
    });
  }

  @Post(':id/recusal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút khỏi biểu quyết (thành viên hội đồng có xung đột lợi ích)' })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  recuse(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: CommentDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'RecuseFromCouncil', ...withComment(body.comment) });
  }

  @Post(':id/signature')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Chủ tịch ký quyết định khen thưởng một hồ sơ (trả về số quyết định) hoặc không ký (nêu lý do). Cơ quan đánh số ngoài hệ thống (external): không cấp số từ sổ của hệ thống — số văn thư nhập khi ký (number) hoặc vào sổ sau (decisionId)',
  })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  async signature(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: SignatureDto,
  ): Promise<CommandResult> {
    // A decision with one recipient: numbered as the authority numbers its decisions.
    if (body.decision === 'sign' && this.decisions.numbering() === 'external')
      return this.decisions.signAlone(id, actor, {
        ...(body.number !== undefined ? { number: body.number } : {}),
        ...withComment(body.comment),
      });
    if (body.decision === 'sign' && body.number !== undefined) throw this.decisions.numberRefused();
    return this.run(id, actor, {
      type: body.decision === 'sign' ? 'SignAwardDecision' : 'DeclineSignature',
      ...withComment(body.comment),
    });
  }

  @Post(':id/hold')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tạm dừng hồ sơ (đang xem xét kỷ luật, thanh tra, khiếu nại, tố cáo)' })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  hold(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: HoldDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'PutOnHold', matter: body.matter, comment: body.comment });
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tiếp tục hồ sơ đã tạm dừng' })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  release(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: CommentDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'ReleaseFromHold', ...withComment(body.comment) });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút hồ sơ (thủ trưởng đơn vị; trước khi ký quyết định)' })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  withdraw(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: CommentDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'WithdrawNomination', ...withComment(body.comment) });
  }

  @Post(':id/revocation')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Hủy bỏ khen thưởng (Chủ tịch) theo một trong bốn căn cứ, có lý do: một quyết định hủy bỏ có số riêng (cùng sổ với các quyết định), nêu quyết định bị hủy và căn cứ',
  })
  @ApiOkResponse({ type: CommandResultDto, description: 'Đã thực hiện; các bảng đọc đã cập nhật' })
  revoke(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: RevocationDto,
  ): Promise<CommandResult> {
    return this.decisions.revoke(id, actor, {
      ground: body.ground,
      reason: body.reason,
      ...(body.number !== undefined ? { number: body.number } : {}),
    });
  }

  // ------------------------------------------------------------------- queries

  @RecordsPersonalDataRead()
  @Get()
  @ApiOkResponse({ type: NominationPageDto, description: 'Chỉ những hồ sơ người đọc được xem; tổng số cũng vậy' })
  @ApiOperation({
    summary: 'Danh sách hồ sơ: lọc theo trạng thái, đợt, đơn vị, cụm, hình thức, "chờ tôi xử lý"; phân trang',
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListNominationsQueryDto) {
    return this.queries.execute(new ListNominationsQuery(actor, filter));
  }

  @RecordsPersonalDataRead()
  @Get(':id')
  @ApiOkResponse({ type: NominationDetailDto })
  @ApiOperation({
    summary: 'Một hồ sơ: trạng thái, bước, đang chờ ai, hạn xử lý, kết quả biểu quyết khi đã kết thúc',
    description:
      'Ngoài phạm vi được xem (đơn vị, cụm của người đọc) trả 404 như hồ sơ không tồn tại. ' +
      'Với `asOf`: hồ sơ như tại thời điểm đó (tính lại từ các sự kiện đến lúc ấy) và nhật ký đến lúc ấy (`auditTrail`), theo cùng quy tắc xem như hiện tại.',
  })
  get(@Param('id', NominationIdPipe) id: string, @Query() q: AsOfQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(
      new GetNominationQuery(id, actor, q.asOf === undefined ? undefined : asOfInstant(q.asOf)),
    );
  }

  @RecordsPersonalDataRead()
  @Get(':id/audit')
  @ApiOkResponse({ type: [AuditEntryDto] })
  @ApiOperation({
    summary: 'Nhật ký: mọi sự kiện theo thứ tự — việc gì, ai, vai trò và đơn vị, khi nào, lý do',
    description:
      'Ai xem được hồ sơ thì xem được nhật ký (thanh tra, thường trực và thành viên hội đồng, Chủ tịch; đơn vị và cụm thi đua của hồ sơ); người khác nhận 404. ' +
      'Lựa chọn của từng thành viên: chỉ thanh tra, cho đến khi kết thúc biểu quyết; sau đó mọi người xem được hồ sơ nếu bỏ phiếu công khai, chỉ thanh tra nếu bỏ phiếu kín. ' +
      'Ý kiến kèm phiếu: thanh tra, thường trực, thành viên hội đồng (khi được xem lựa chọn).',
  })
  audit(@Param('id', NominationIdPipe) id: string, @CurrentActor() actor: Actor, @Query() q: AsOfQueryDto) {
    return this.queries.execute(
      new GetAuditTrailQuery(id, actor, q.asOf === undefined ? undefined : asOfInstant(q.asOf)),
    );
  }
}

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
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { nominationNotFound, type Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
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
  RevocationDto,
  SignatureDto,
  VoteDto,
} from './dto/nomination.dto';
import { ListNominationsQueryDto } from './dto/query.dto';
import { GetAuditTrailQuery, GetNominationQuery, ListNominationsQuery } from './queries/queries';

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
  ) {}

  private run(id: string, actor: Actor, intent: RunNominationIntentCommand['intent']): Promise<CommandResult> {
    return this.commands.execute(new RunNominationIntentCommand(id, actor, intent));
  }

  // ------------------------------------------------------------------ commands

  @Post()
  @ApiOperation({ summary: 'Lập hồ sơ đề nghị (cán bộ TĐKT đơn vị) → 201 {id, status}' })
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
  edit(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: EditNominationDto,
  ): Promise<CommandResult> {
    return this.commands.execute(new EditNominationCommand(id, actor, body));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trình hồ sơ (thủ trưởng đơn vị); hồ sơ bị trả lại thì trình lại' })
  submit(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: CommentDto,
  ): Promise<CommandResult> {
    return this.commands.execute(new SubmitNominationCommand(id, actor, body.comment));
  }

  @Post(':id/cluster-review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cụm thi đua xét: endorse | return (nêu lý do) | reject (nêu lý do)' })
  clusterReview(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: ClusterReviewDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'ReviewAtCluster', decision: body.decision, ...withComment(body.comment) });
  }

  @Post(':id/voting/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mở biểu quyết của hội đồng (thường trực hội đồng)' })
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
  closeVoting(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: CommentDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'CloseCouncilVoting', ...withComment(body.comment) });
  }

  @Post(':id/votes')
  @ApiOperation({ summary: 'Biểu quyết (thành viên hội đồng): approve | reject | abstain' })
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
  recuse(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: CommentDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'RecuseFromCouncil', ...withComment(body.comment) });
  }

  @Post(':id/signature')
  @HttpCode(200)
  @ApiOperation({ summary: 'Chủ tịch ký quyết định khen thưởng (trả về số quyết định) hoặc không ký (nêu lý do)' })
  signature(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: SignatureDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, {
      type: body.decision === 'sign' ? 'SignAwardDecision' : 'DeclineSignature',
      ...withComment(body.comment),
    });
  }

  @Post(':id/hold')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tạm dừng hồ sơ (đang xem xét kỷ luật, thanh tra, khiếu nại, tố cáo)' })
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
  withdraw(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: CommentDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'WithdrawNomination', ...withComment(body.comment) });
  }

  @Post(':id/revocation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hủy bỏ khen thưởng (Chủ tịch) theo một trong bốn căn cứ, có lý do' })
  revoke(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: RevocationDto,
  ): Promise<CommandResult> {
    return this.run(id, actor, { type: 'RevokeAward', ground: body.ground, comment: body.reason });
  }

  // ------------------------------------------------------------------- queries

  @Get()
  @ApiOperation({
    summary: 'Danh sách hồ sơ: lọc theo trạng thái, đợt, đơn vị, cụm, hình thức, "chờ tôi xử lý"; phân trang',
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListNominationsQueryDto) {
    return this.queries.execute(new ListNominationsQuery(actor, filter));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một hồ sơ: trạng thái, bước, đang chờ ai, hạn xử lý, kết quả biểu quyết khi đã kết thúc' })
  get(@Param('id', NominationIdPipe) id: string) {
    return this.queries.execute(new GetNominationQuery(id));
  }

  @Get(':id/audit')
  @ApiOperation({
    summary: 'Nhật ký: mọi sự kiện theo thứ tự — việc gì, ai, vai trò và đơn vị, khi nào, lý do',
    description:
      'Thanh tra, hội đồng, Chủ tịch, và đơn vị, cụm thi đua của hồ sơ. Bỏ phiếu kín: chỉ thanh tra thấy lựa chọn của từng thành viên.',
  })
  audit(@Param('id', NominationIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetAuditTrailQuery(id, actor));
  }
}

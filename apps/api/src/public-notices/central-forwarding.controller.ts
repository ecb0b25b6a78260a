import { Body, Controller, HttpCode, Injectable, Param, Post, type PipeTransform } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { domainError, type Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RunNominationIntentCommand, type CommandResult } from '../nominations/commands/commands';
import { CommandResultDto } from '../nominations/dto/responses.dto';
import { NominationIdPipe } from '../nominations/nominations.controller';
import { CentralDecisionDto, CommentResolutionDto, ForwardingDto, ResolvedCommentDto } from './public-notices.dto';
import { PublicNoticesService } from './public-notices.service';

@Injectable()
export class CommentIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(value)) throw domainError('COMMENT_NOT_FOUND');
    return value;
  }
}

/**
 * The nomination's steps of this capability: the office resolves a public comment on it; the
 * Chairman forwards an award decided above the province; the office records the central decision.
 */
@ApiTags('nominations')
@ApiBearerAuth()
@Controller('api/nominations')
export class CentralForwardingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly notices: PublicNoticesService,
  ) {}

  @Post(':id/comments/:commentId/resolution')
  @HttpCode(200)
  @ApiOkResponse({ type: ResolvedCommentDto })
  @ApiOperation({
    summary:
      'Giải quyết ý kiến góp ý khi công khai (thường trực hội đồng): dismissed (nêu lý do) | held (tạm dừng hồ sơ) | returned (hồ sơ đã trả lại/rút)',
  })
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id', NominationIdPipe) id: string,
    @Param('commentId', CommentIdPipe) commentId: string,
    @Body() body: CommentResolutionDto,
  ) {
    return this.notices.resolve(actor, id, commentId, body);
  }

  @Post(':id/forwarding')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'Hồ sơ chờ quyết định của cấp Trung ương (FORWARDED)' })
  @ApiOperation({
    summary:
      'Chủ tịch ký tờ trình đề nghị cấp Trung ương khen thưởng (hình thức do Trung ương quyết định, sau khi Hội đồng đồng ý): số, ngày tờ trình',
  })
  forward(
    @CurrentActor() actor: Actor,
    @Param('id', NominationIdPipe) id: string,
    @Body() body: ForwardingDto,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new RunNominationIntentCommand(id, actor, {
        type: 'ForwardToCentral',
        submissionNumber: body.submissionNumber,
        submissionDate: body.submissionDate,
        ...(body.comment ? { comment: body.comment } : {}),
      }),
    );
  }

  @Post(':id/central-decision')
  @HttpCode(200)
  @ApiOkResponse({
    type: CommandResultDto,
    description: 'AWARDED (vào sổ khen thưởng theo cấp quyết định) hoặc REJECTED',
  })
  @ApiOperation({
    summary:
      'Thường trực hội đồng ghi nhận quyết định của cấp Trung ương: số, ngày, cơ quan quyết định → khen thưởng; hoặc không khen thưởng, nêu lý do',
  })
  centralDecision(
    @CurrentActor() actor: Actor,
    @Param('id', NominationIdPipe) id: string,
    @Body() body: CentralDecisionDto,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new RunNominationIntentCommand(id, actor, {
        type: 'RecordCentralDecision',
        approved: body.approved,
        ...(body.decisionNumber !== undefined ? { decisionNumber: body.decisionNumber } : {}),
        ...(body.decisionDate !== undefined ? { decisionDate: body.decisionDate } : {}),
        ...(body.authority !== undefined ? { authority: body.authority } : {}),
        ...(body.reason !== undefined ? { reason: body.reason } : {}),
      }),
    );
  }
}

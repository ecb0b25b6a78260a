import {
  Body,
  Controller,
  Get,
  HttpCode,
  Injectable,
  Param,
  Post,
  Query,
  StreamableFile,
  type PipeTransform,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { domainError, type Actor } from '@tdkt/domain';
import type { DecisionCommandOutcome } from '@tdkt/temporal';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { ErrorBody } from '../http/openapi';
import {
  DecisionSignatureDto,
  DraftDecisionDto,
  ListDecisionsQueryDto,
  RegisterNumberDto,
  RemovalDto,
} from './decisions.dto';
import {
  DecisionCommandResultDto,
  DecisionDetailDto,
  DecisionSummaryDto,
  DraftedDecisionDto,
} from './decisions.responses';
import { DecisionsService } from './decisions.service';

/** Ids are letters, digits, "-" and "_"; anything else names no decision. */
@Injectable()
export class DecisionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(value))
      throw domainError('AWARD_DECISION_NOT_FOUND');
    return value;
  }
}
@Injectable()
export class RecipientIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(value))
      throw domainError('NOT_A_RECIPIENT', 'Mã hồ sơ không hợp lệ', 'nominationId');
    return value;
  }
}

const result = (o: DecisionCommandOutcome): DecisionCommandResultDto => ({
  decisionId: o.decisionId,
  status: o.status,
  decisionNumber: o.decisionNumber ?? null,
  signedAt: o.signedAt ?? null,
  year: o.year ?? null,
});
const COMMAND_DONE = { type: DecisionCommandResultDto };
const REFUSED = { type: ErrorBody, description: 'Hồ sơ không chờ quyết định, đã có trong dự thảo khác, số đã dùng…' };

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('api/decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post()
  @ApiCreatedResponse({ type: DraftedDecisionDto })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'ROLE_REQUIRED: thường trực hội đồng (văn phòng)' })
  @ApiConflictResponse(REFUSED)
  @ApiOperation({
    summary: 'Lập dự thảo quyết định từ các hồ sơ Hội đồng đã thông qua (thường trực hội đồng) → 201 {id}',
  })
  draft(@CurrentActor() actor: Actor, @Body() body: DraftDecisionDto) {
    return this.decisions.draft(actor, body);
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: [DecisionSummaryDto] })
  @ApiOperation({
    summary:
      'Danh sách quyết định (lọc theo năm ký, cơ quan ban hành, trạng thái). Công khai: quyết định đã ban hành; dự thảo chỉ Hội đồng, thường trực, Chủ tịch, thanh tra',
  })
  list(@Query() q: ListDecisionsQueryDto, @CurrentActor() actor?: Actor) {
    return this.decisions.list(actor, q);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: DecisionDetailDto })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiOperation({ summary: 'Một quyết định: danh sách người/tập thể, số tiền, trạng thái, số và ngày ký' })
  view(@Param('id', DecisionIdPipe) id: string, @CurrentActor() actor?: Actor) {
    return this.decisions.view(id, actor);
  }

  @Post(':id/recipients/:nominationId/removal')
  @HttpCode(200)
  @ApiOkResponse(COMMAND_DONE)
  @ApiOperation({ summary: 'Đưa một hồ sơ ra khỏi dự thảo, có lý do (hồ sơ trở lại chờ quyết định)' })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', DecisionIdPipe) id: string,
    @Param('nominationId', RecipientIdPipe) nominationId: string,
    @Body() body: RemovalDto,
  ) {
    return result(await this.decisions.run(id, actor, { type: 'RemoveRecipient', nominationId, reason: body.reason }));
  }

  @Post(':id/signature')
  @HttpCode(200)
  @ApiOkResponse(COMMAND_DONE)
  @ApiForbiddenResponse({
    type: ErrorBody,
    description: 'ROLE_REQUIRED, SEPARATION_OF_DUTIES, OWN_NOMINATION (với bất kỳ hồ sơ nào)',
  })
  @ApiConflictResponse(REFUSED)
  @ApiOperation({
    summary:
      'Chủ tịch ký (sign) cả quyết định một lần, hoặc không ký (decline, có lý do) → {decisionNumber, signedAt}. Số cấp theo sổ của năm ký; cơ quan đánh số ngoài hệ thống: số văn thư nhập (number) khi ký hoặc sau đó',
  })
  async sign(
    @CurrentActor() actor: Actor,
    @Param('id', DecisionIdPipe) id: string,
    @Body() body: DecisionSignatureDto,
  ) {
    if (body.decision === 'decline')
      return result(await this.decisions.run(id, actor, { type: 'DeclineDecision', reason: body.comment ?? '' }));
    return result(
      await this.decisions.run(id, actor, {
        type: 'SignDecision',
        ...(body.number !== undefined ? { number: body.number } : {}),
        ...(body.comment ? { comment: body.comment } : {}),
      }),
    );
  }

  @Post(':id/number')
  @HttpCode(200)
  @ApiOkResponse(COMMAND_DONE)
  @ApiConflictResponse({ type: ErrorBody, description: 'DECISION_NUMBER_TAKEN: số đã dùng trong năm ký' })
  @ApiOperation({
    summary: 'Văn thư vào sổ quyết định đã ký với số của sổ đăng ký văn bản (cơ quan đánh số ngoài hệ thống)',
  })
  async register(
    @CurrentActor() actor: Actor,
    @Param('id', DecisionIdPipe) id: string,
    @Body() body: RegisterNumberDto,
  ) {
    return result(await this.decisions.run(id, actor, { type: 'RegisterDecisionNumber', number: body.number }));
  }

  @Get(':id/document.pdf')
  @Public()
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'Quyết định (thể thức Nghị định 30/2020) và danh sách kèm theo; DỰ THẢO trước khi ký',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async document(@Param('id', DecisionIdPipe) id: string, @CurrentActor() actor?: Actor) {
    const s = await this.decisions.load(id, actor);
    return new StreamableFile(await this.decisions.document(s), {
      type: 'application/pdf',
      disposition: `inline; filename="quyet-dinh-${id}.pdf"`,
    });
  }

  @Get(':id/recipients/:nominationId/certificate.pdf')
  @Public()
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'Bằng khen / Giấy chứng nhận (khổ ngang) với mã QR dẫn tới trang tra cứu công khai',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async certificate(
    @Param('id', DecisionIdPipe) id: string,
    @Param('nominationId', RecipientIdPipe) nominationId: string,
    @CurrentActor() actor?: Actor,
  ) {
    return new StreamableFile(await this.decisions.certificate(id, nominationId, actor), {
      type: 'application/pdf',
      disposition: `inline; filename="bang-khen-${nominationId}.pdf"`,
    });
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ClusterReviewListDto, ListResultDto, OfficeCheckListDto, SubmissionDto } from './list-commands.dto';
import { ListCommandsService, listDigest } from './list-commands.service';

const RETRY_NOTE =
  'Mỗi hồ sơ là một lệnh riêng trên hồ sơ đó, được chấp nhận hoặc từ chối riêng (kết quả từng hồ sơ). ' +
  'Gửi lại đúng danh sách này không thay đổi gì thêm (mã lệnh của từng hồ sơ suy ra từ danh sách).';

@ApiTags('lists')
@ApiBearerAuth()
@Controller('api')
export class ListCommandsController {
  constructor(private readonly lists: ListCommandsService) {}

  @Post('submissions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Tờ trình của đơn vị (thủ trưởng đơn vị): trình nhiều hồ sơ một lần, ghi số và ngày tờ trình vào từng hồ sơ',
    description: `Hồ sơ đang lập được trình; hồ sơ bị trả lại được trình lại. ${RETRY_NOTE}`,
  })
  @ApiOkResponse({ type: ListResultDto })
  submit(@CurrentActor() actor: Actor, @Body() body: SubmissionDto): Promise<ListResultDto> {
    const submission = { number: body.number.trim(), date: body.date };
    // The submission's identity is its number and date: resending it (even with the list reordered) is the same.
    const key = listDigest('submission', { ...submission, unitId: actor.unitId ?? '' });
    return this.lists.run(
      actor,
      key,
      body.nominationIds.map((nominationId) => ({
        nominationId,
        intent: (status: string) => ({
          type: status === 'RETURNED' ? ('ResubmitNomination' as const) : ('SubmitNomination' as const),
          submission,
        }),
      })),
    );
  }

  @Post('cluster-reviews')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cụm thi đua xét nhiều hồ sơ một lần (trưởng cụm): endorse | return | reject, từng hồ sơ',
    description: RETRY_NOTE,
  })
  @ApiOkResponse({ type: ListResultDto })
  clusterReviews(@CurrentActor() actor: Actor, @Body() body: ClusterReviewListDto): Promise<ListResultDto> {
    return this.lists.run(
      actor,
      listDigest('cluster-reviews', body.items),
      body.items.map((item) => ({
        nominationId: item.nominationId,
        intent: {
          type: 'ReviewAtCluster',
          decision: item.decision,
          ...(item.comment ? { comment: item.comment } : {}),
        },
      })),
    );
  }

  @Post('office-checks')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Thẩm định nhiều hồ sơ một lần (thường trực hội đồng): complete | incomplete (nêu thành phần còn thiếu)',
    description: RETRY_NOTE,
  })
  @ApiOkResponse({ type: ListResultDto })
  officeChecks(@CurrentActor() actor: Actor, @Body() body: OfficeCheckListDto): Promise<ListResultDto> {
    return this.lists.run(
      actor,
      listDigest('office-checks', body.items),
      body.items.map((item) => {
        const missing = item.missing ?? (item.decision === 'incomplete' && item.comment ? [item.comment] : undefined);
        return {
          nominationId: item.nominationId,
          intent: {
            type: 'RecordOfficeCheck',
            result: item.decision,
            ...(missing ? { missing } : {}),
            ...(item.comment ? { comment: item.comment } : {}),
          },
        };
      }),
    );
  }
}

import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  DomainError,
  guard,
  mayReadNomination,
  NOMINATION_INTENT_TYPES,
  nominationDecider,
  nominationNotFound,
  nominationStreamName,
  type Actor,
  type NominationIntentType,
  type NominationState,
} from '@tdkt/domain';
import { foldRecorded } from '@tdkt/event-store';
import type { ApiRuntime } from '../../api-runtime';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { API_RUNTIME } from '../../tokens';
import { NominationIdPipe } from '../nominations.controller';

/** The intents a person may attempt on an existing nomination (drafting creates one; it is not an action on it). */
export const NOMINATION_ACTIONS = NOMINATION_INTENT_TYPES.filter((t) => t !== 'DraftNomination');

export class NominationActionsDto {
  @ApiProperty() nominationId: string;
  @ApiProperty({ description: 'Số phiên bản của hồ sơ mà danh sách được tính trên đó' }) revision: number;
  @ApiProperty({
    type: [String],
    enum: NOMINATION_ACTIONS,
    description:
      'Các thao tác người đang đăng nhập được làm lúc này theo quy tắc của miền (vai trò, phạm vi, bước, tạm dừng, tách bạch nhiệm vụ, thành phần hội đồng). Hệ thống vẫn kiểm tra lại đầy đủ khi thực hiện.',
  })
  allowed: NominationIntentType[];
}

/**
 * The actions the signed-in person may take on a nomination now: the domain's `guard` (the same
 * synchronous checks the workflow's Update validators run) tried for every intent on the state
 * folded from the nomination's events. Screens show exactly these buttons; the command still
 * runs the full decision (deadlines, eligibility), so a button can still be refused with a reason.
 */
export function allowedActions(actor: Actor, state: NominationState): NominationIntentType[] {
  return NOMINATION_ACTIONS.filter((type) => {
    try {
      guard(type, actor, state);
      return true;
    } catch (err) {
      if (err instanceof DomainError) return false;
      throw err;
    }
  });
}

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('api/nominations')
export class NominationActionsController {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  @Get(':id/actions')
  @ApiOkResponse({ type: NominationActionsDto })
  @ApiOperation({
    summary: 'Các thao tác tôi được làm với hồ sơ lúc này (để màn hình chỉ hiện những nút được phép)',
    description: 'Ngoài phạm vi được xem trả 404 như hồ sơ không tồn tại.',
  })
  async actions(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<NominationActionsDto> {
    const recorded = await this.runtime.store.readStream(nominationStreamName(id));
    const state = foldRecorded(nominationDecider, recorded);
    if (state.status === 'NONE' || !mayReadNomination(actor, state)) throw nominationNotFound();
    return { nominationId: id, revision: recorded.length - 1, allowed: allowedActions(actor, state) };
  }
}

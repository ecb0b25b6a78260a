import { Body, Controller, Get, HttpCode, Injectable, Param, Post, Query, type PipeTransform } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { domainError, type Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { ErrorBody } from '../http/openapi';
import {
  ConsentDto,
  CreateExemplaryModelDto,
  ExemplaryModelDto,
  ExemplaryModelPageDto,
  ListExemplaryModelsQueryDto,
  ReasonDto,
  ReviseExemplaryModelDto,
} from './exemplary-models.dto';
import { ExemplaryModelsService } from './exemplary-models.service';

/** Ids are UUIDs as the API makes them (letters, digits, "-"); anything else names no story. */
@Injectable()
export class ModelIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(value))
      throw domainError('EXEMPLARY_MODEL_NOT_FOUND');
    return value;
  }
}

const OFFICE_ONLY = {
  type: ErrorBody,
  description: 'ROLE_REQUIRED: chỉ Ban Thi đua – Khen thưởng (thường trực hội đồng)',
};
const NOT_FOUND = { type: ErrorBody, description: 'EXEMPLARY_MODEL_NOT_FOUND' };
const DONE = { type: ExemplaryModelDto, description: 'Bài sau thao tác' };

@ApiTags('exemplary-models')
@Controller('api/exemplary-models')
export class ExemplaryModelsController {
  constructor(private readonly models: ExemplaryModelsService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: ExemplaryModelPageDto })
  @ApiOperation({
    summary:
      'Gương điển hình tiên tiến đã công bố; tìm không phân biệt dấu ("nguyen van an" tìm được "Nguyễn Văn An"). Ban Thi đua – Khen thưởng và thanh tra thấy cả bài chưa công bố, đã gỡ, sự đồng ý và lịch sử',
  })
  list(@Query() q: ListExemplaryModelsQueryDto, @CurrentActor() actor?: Actor) {
    return this.models.list(actor, {
      ...(q.q ? { q: q.q } : {}),
      ...(q.year !== undefined ? { year: q.year } : {}),
      ...(q.award ? { awardCode: q.award } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.page ? { page: q.page } : {}),
      ...(q.pageSize ? { pageSize: q.pageSize } : {}),
    });
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: ExemplaryModelDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOperation({
    summary: 'Một gương điển hình (bài chưa công bố hoặc đã gỡ: chỉ Ban Thi đua – Khen thưởng, thanh tra)',
  })
  get(@Param('id', ModelIdPipe) id: string, @CurrentActor() actor?: Actor) {
    return this.models.get(actor, id);
  }

  @Post()
  @ApiBearerAuth()
  @ApiCreatedResponse(DONE)
  @ApiForbiddenResponse(OFFICE_ONLY)
  @ApiConflictResponse({ type: ErrorBody, description: 'AWARD_REVOKED_FOR_MODEL: khen thưởng đã bị hủy bỏ' })
  @ApiOperation({ summary: 'Viết bài gương điển hình về một khen thưởng đã ký (bản nháp, chưa công bố)' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateExemplaryModelDto) {
    return this.models.create(actor, body);
  }

  @Post(':id/revisions')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse(DONE)
  @ApiForbiddenResponse(OFFICE_ONLY)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOperation({ summary: 'Sửa tiêu đề, nội dung, ảnh (lịch sử giữ mọi lần sửa)' })
  revise(@CurrentActor() actor: Actor, @Param('id', ModelIdPipe) id: string, @Body() body: ReviseExemplaryModelDto) {
    const changes = {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.text !== undefined ? { text: body.text } : {}),
      ...(body.photoUrl !== undefined ? { photoUrl: body.photoUrl } : {}),
    };
    return this.models.run(actor, id, { type: 'ReviseExemplaryModel', changes });
  }

  @Post(':id/consent')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse(DONE)
  @ApiForbiddenResponse(OFFICE_ONLY)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOperation({ summary: 'Ghi nhận sự đồng ý công bố của người được nêu gương (hoặc người đại diện tập thể)' })
  consent(@CurrentActor() actor: Actor, @Param('id', ModelIdPipe) id: string, @Body() body: ConsentDto) {
    return this.models.run(actor, id, {
      type: 'RecordConsent',
      consent: { givenBy: body.givenBy, givenOn: body.givenOn, evidence: body.evidence },
    });
  }

  @Post(':id/consent/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse(DONE)
  @ApiForbiddenResponse(OFFICE_ONLY)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOperation({ summary: 'Ghi nhận việc rút lại sự đồng ý: bài đang công bố được gỡ xuống' })
  withdrawConsent(@CurrentActor() actor: Actor, @Param('id', ModelIdPipe) id: string, @Body() body: ReasonDto) {
    return this.models.run(actor, id, { type: 'WithdrawConsent', reason: body.reason });
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse(DONE)
  @ApiForbiddenResponse(OFFICE_ONLY)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'CONSENT_REQUIRED: chưa có sự đồng ý; AWARD_REVOKED_FOR_MODEL: khen thưởng đã bị hủy bỏ',
  })
  @ApiOperation({ summary: 'Công bố trên trang công khai (cần đã ghi nhận sự đồng ý)' })
  publish(@CurrentActor() actor: Actor, @Param('id', ModelIdPipe) id: string) {
    return this.models.run(actor, id, { type: 'PublishExemplaryModel' });
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse(DONE)
  @ApiForbiddenResponse(OFFICE_ONLY)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOperation({ summary: 'Gỡ khỏi trang công khai (bài và lịch sử vẫn được giữ)' })
  unpublish(@CurrentActor() actor: Actor, @Param('id', ModelIdPipe) id: string, @Body() body: ReasonDto) {
    return this.models.run(actor, id, { type: 'UnpublishExemplaryModel', reason: body.reason });
  }
}

import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Injectable,
  Param,
  Post,
  Query,
  type PipeTransform,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { domainError, invalid, type Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CommandResultDto } from '../nominations/dto/responses.dto';
import {
  AgreeRankingDto,
  CreateCampaignDto,
  LaunchCampaignDto,
  RecordScoresDto,
  RegisterForCampaignDto,
} from './campaigns.dto';
import {
  CampaignCommandResultDto,
  CampaignDetailDto,
  CampaignSummaryDto,
  ClusterScoringDto,
  RegistrationsDto,
  ScoringCommandResultDto,
} from './campaigns.responses';
import { CampaignsService } from './campaigns.service';

/** Ids are letters, digits, "-" and "_"; anything else names no campaign. */
@Injectable()
export class CampaignIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(value)) throw domainError('CAMPAIGN_NOT_FOUND');
    return value;
  }
}
@Injectable()
export class ClusterIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(value)) throw domainError('SCORING_NOT_FOUND');
    return value;
  }
}
@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = Number(value);
    if (!/^\d{4}$/.test(String(value)) || year < 2000 || year > 2100)
      throw invalid('YEAR', 'Năm phải là số có 4 chữ số, từ 2000 đến 2100', 'year');
    return year;
  }
}

const DONE = { type: CampaignCommandResultDto, description: 'Đã ghi; các bảng đọc đã cập nhật' };

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @ApiOkResponse({ type: [CampaignSummaryDto], description: 'Năm mới nhất trước' })
  @ApiQuery({ name: 'year', required: false, type: Number })
  @ApiOperation({ summary: 'Các đợt, phong trào thi đua (mọi cán bộ đăng nhập)' })
  list(@Query('year') year?: string) {
    if (year === undefined) return this.campaigns.list();
    if (!/^\d{4}$/.test(year)) throw invalid('YEAR', 'Năm phải là số có 4 chữ số', 'year');
    return this.campaigns.list({ year: Number(year) });
  }

  @Post()
  @ApiCreatedResponse(DONE)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Gửi lại an toàn: cùng người, cùng khóa → cùng một lệnh',
  })
  @ApiOperation({ summary: 'Tạo đợt thi đua (Ban Thi đua – Khen thưởng) → 201, trạng thái PLANNED' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCampaignDto, @Headers('idempotency-key') key?: string) {
    return this.campaigns.create(actor, body, key?.trim().slice(0, 200) || undefined);
  }

  @Get(':id')
  @ApiOkResponse({ type: CampaignDetailDto })
  @ApiOperation({
    summary: 'Một đợt thi đua: loại, thời gian, văn bản phát động, tiêu chí, hình thức khen thưởng, bảng chấm điểm',
  })
  detail(@Param('id', CampaignIdPipe) id: string) {
    return this.campaigns.detail(id);
  }

  @Post(':id/launch')
  @HttpCode(200)
  @ApiOkResponse(DONE)
  @ApiOperation({ summary: 'Phát động (kèm số, ngày văn bản phát động): mở đăng ký thi đua' })
  launch(@CurrentActor() actor: Actor, @Param('id', CampaignIdPipe) id: string, @Body() body: LaunchCampaignDto) {
    return this.campaigns.run(id, actor, { type: 'LaunchCampaign', document: body.document });
  }

  @Post(':id/open-nominations')
  @HttpCode(200)
  @ApiOkResponse(DONE)
  @ApiOperation({ summary: 'Kết thúc đăng ký, mở nhận hồ sơ đề nghị khen thưởng' })
  openNominations(@CurrentActor() actor: Actor, @Param('id', CampaignIdPipe) id: string) {
    return this.campaigns.run(id, actor, { type: 'OpenCampaignNominations' });
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse(DONE)
  @ApiOperation({ summary: 'Kết thúc đợt thi đua: không lập hồ sơ mới trong đợt' })
  close(@CurrentActor() actor: Actor, @Param('id', CampaignIdPipe) id: string) {
    return this.campaigns.run(id, actor, { type: 'CloseCampaign' });
  }

  @Post(':id/registrations')
  @ApiCreatedResponse(DONE)
  @ApiOperation({ summary: 'Đăng ký thi đua của đơn vị (thủ trưởng đơn vị): cam kết và danh hiệu phấn đấu' })
  register(
    @CurrentActor() actor: Actor,
    @Param('id', CampaignIdPipe) id: string,
    @Body() body: RegisterForCampaignDto,
  ) {
    return this.campaigns.register(actor, id, body);
  }

  @Get(':id/registrations')
  @ApiOkResponse({ type: RegistrationsDto })
  @ApiOperation({ summary: 'Đơn vị đã và chưa đăng ký thi đua (trong phạm vi người xem)' })
  registrations(@CurrentActor() actor: Actor, @Param('id', CampaignIdPipe) id: string) {
    return this.campaigns.registrations(actor, id);
  }
}

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/clusters')
export class ClusterScoringsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post(':id/scorings')
  @ApiCreatedResponse({ type: ScoringCommandResultDto })
  @ApiOperation({ summary: 'Trưởng cụm ghi điểm của một đơn vị thành viên theo bảng chấm điểm của đợt' })
  record(@CurrentActor() actor: Actor, @Param('id', ClusterIdPipe) id: string, @Body() body: RecordScoresDto) {
    return this.campaigns.recordScores(actor, id, body);
  }

  @Get(':id/scorings/:year')
  @ApiOkResponse({ type: ClusterScoringDto })
  @ApiOperation({ summary: 'Kết quả chấm điểm, xếp hạng của cụm trong năm (đơn vị: chỉ điểm, hạng của mình)' })
  view(@CurrentActor() actor: Actor, @Param('id', ClusterIdPipe) id: string, @Param('year', YearPipe) year: number) {
    return this.campaigns.scoring(actor, id, year);
  }

  @Post(':id/scorings/:year/ranking')
  @HttpCode(200)
  @ApiOkResponse({ type: ScoringCommandResultDto })
  @ApiOperation({ summary: 'Xếp hạng và đơn vị dẫn đầu cụm đã thống nhất tại cuộc họp, kèm biên bản' })
  rank(
    @CurrentActor() actor: Actor,
    @Param('id', ClusterIdPipe) id: string,
    @Param('year', YearPipe) year: number,
    @Body() body: AgreeRankingDto,
  ) {
    return this.campaigns.agreeRanking(actor, id, year, body);
  }

  @Post(':id/scorings/:year/flag-nomination')
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiOperation({
    summary: 'Lập hồ sơ đề nghị Cờ thi đua cho đơn vị dẫn đầu theo xếp hạng của cụm (cán bộ TĐKT của đơn vị đó)',
  })
  flag(@CurrentActor() actor: Actor, @Param('id', ClusterIdPipe) id: string, @Param('year', YearPipe) year: number) {
    return this.campaigns.draftFromRanking(actor, id, year, 'FLAG');
  }

  @Post(':id/scorings/:year/certificate-nomination')
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiOperation({
    summary:
      'Lập hồ sơ đề nghị Bằng khen cho đơn vị được cụm đề nghị theo xếp hạng (xếp liền sau đơn vị dẫn đầu; cán bộ TĐKT của đơn vị đó)',
  })
  certificate(
    @CurrentActor() actor: Actor,
    @Param('id', ClusterIdPipe) id: string,
    @Param('year', YearPipe) year: number,
  ) {
    return this.campaigns.draftFromRanking(actor, id, year, 'CERTIFICATE');
  }
}

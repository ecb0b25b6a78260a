import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import type { AwardView, DecisionView, Page } from '@tdkt/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { asOfInstant, DecisionQueryDto, SearchRegistryAsOfQueryDto } from '../nominations/dto/query.dto';
import { AwardPageDto, DecisionDto } from '../nominations/dto/responses.dto';
import { GetDecisionQuery, SearchRegistryQuery } from '../nominations/queries/queries';
import { RecordsPersonalDataRead } from '../audit/access-log';

/** An award as the anonymous public sees it: without the nominee's identifier (personal data, see the read policy). */
export type PublicAwardView = Omit<AwardView, 'nomineeId'>;
const forPublic = ({ nomineeId: _personal, ...award }: AwardView): PublicAwardView => award;

/**
 * The award registry (sổ khen thưởng) is public: anyone may look an award up. The nominee's
 * identifier is left out for the anonymous public and masked for officials who may not see it
 * (`maySeePersonalData`: the secretary, the inspector, the nominating unit).
 */
@ApiTags('registry')
@Public()
@Controller('api/registry')
export class RegistryController {
  constructor(private readonly queries: QueryBus) {}

  @RecordsPersonalDataRead()
  @Get()
  @ApiOkResponse({ type: AwardPageDto })
  @ApiOperation({
    summary:
      'Sổ khen thưởng: lọc theo năm, hình thức, đơn vị, đợt; tìm không phân biệt dấu ("nguyen van an" tìm được "Nguyễn Văn An"); `asOf`: sổ như tại ngày đó (khen thưởng bị hủy sau đó vẫn hiện là còn hiệu lực)',
  })
  async search(@Query() filter: SearchRegistryAsOfQueryDto, @CurrentActor() actor?: Actor) {
    const { asOf, ...rest } = filter;
    const page: Page<AwardView> = await this.queries.execute(
      new SearchRegistryQuery(rest, actor, asOf === undefined ? undefined : asOfInstant(asOf)),
    );
    return actor ? page : { ...page, items: page.items.map(forPublic) };
  }

  @RecordsPersonalDataRead()
  @Get(':decisionNumber')
  @ApiOkResponse({ type: DecisionDto })
  @ApiParam({
    name: 'decisionNumber',
    description: 'Số quyết định, mã hóa URL: 163/QĐ-UBND → 163%2FQ%C4%90-UBND (163%2FQD-UBND cũng được)',
  })
  @ApiOperation({ summary: 'Một quyết định khen thưởng theo số và các khen thưởng trong đó' })
  decision(
    @Param('decisionNumber') decisionNumber: string,
    @Query() q: DecisionQueryDto,
    @CurrentActor() actor?: Actor,
  ) {
    return this.decisionFor(decisionNumber, q.year, actor);
  }

  @RecordsPersonalDataRead()
  @Get(':number/:symbol')
  @ApiOkResponse({ type: DecisionDto })
  @ApiOperation({ summary: 'Như trên, với dấu "/" của số quyết định để nguyên: /api/registry/163/QD-UBND' })
  decisionBySymbol(
    @Param('number') number: string,
    @Param('symbol') symbol: string,
    @Query() q: DecisionQueryDto,
    @CurrentActor() actor?: Actor,
  ) {
    return this.decisionFor(`${number}/${symbol}`, q.year, actor);
  }

  private async decisionFor(decisionNumber: string, year: number | undefined, actor: Actor | undefined) {
    const decision: DecisionView = await this.queries.execute(new GetDecisionQuery(decisionNumber, year, actor));
    return actor ? decision : { ...decision, awards: decision.awards.map(forPublic) };
  }
}

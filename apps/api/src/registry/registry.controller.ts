import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { DecisionQueryDto, SearchRegistryQueryDto } from '../nominations/dto/query.dto';
import { GetDecisionQuery, SearchRegistryQuery } from '../nominations/queries/queries';

/** The award registry (sổ khen thưởng) is public: anyone may look an award up. */
@ApiTags('registry')
@Public()
@Controller('api/registry')
export class RegistryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Sổ khen thưởng: lọc theo năm, hình thức, đơn vị, đợt; tìm không phân biệt dấu ("nguyen van an" tìm được "Nguyễn Văn An")' })
  search(@Query() filter: SearchRegistryQueryDto) {
    return this.queries.execute(new SearchRegistryQuery(filter));
  }

  @Get(':decisionNumber')
  @ApiParam({ name: 'decisionNumber', description: 'Số quyết định, mã hóa URL: 163/QĐ-UBND → 163%2FQ%C4%90-UBND (163%2FQD-UBND cũng được)' })
  @ApiOperation({ summary: 'Một quyết định khen thưởng theo số và các khen thưởng trong đó' })
  decision(@Param('decisionNumber') decisionNumber: string, @Query() q: DecisionQueryDto) {
    return this.queries.execute(new GetDecisionQuery(decisionNumber, q.year));
  }

  @Get(':number/:symbol')
  @ApiOperation({ summary: 'Như trên, với dấu "/" của số quyết định để nguyên: /api/registry/163/QD-UBND' })
  decisionBySymbol(@Param('number') number: string, @Param('symbol') symbol: string, @Query() q: DecisionQueryDto) {
    return this.queries.execute(new GetDecisionQuery(`${number}/${symbol}`, q.year));
  }
}

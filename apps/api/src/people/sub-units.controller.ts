import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RegisterSubUnitDto, SubUnitDetailDto, SubUnitDto, SubUnitListDto } from './sub-units.dto';
import { SubUnitsService } from './sub-units.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('api')
export class SubUnitsController {
  constructor(private readonly subUnits: SubUnitsService) {}

  @Post('units/:unitId/sub-units')
  @ApiOperation({
    summary:
      'Khai báo bộ phận trực thuộc (phòng, tổ, khoa…) của đơn vị — thủ trưởng, cán bộ thi đua của đơn vị hoặc Ban TĐKT. Bộ phận là một tập thể: được đề nghị khen thưởng (nominee.subUnitId) và có quá trình khen thưởng riêng. Gửi lại cùng tên: không khai báo thêm.',
  })
  @ApiCreatedResponse({ type: SubUnitDto })
  register(@CurrentActor() actor: Actor, @Param('unitId') unitId: string, @Body() body: RegisterSubUnitDto) {
    return this.subUnits.register(actor, unitId, body);
  }

  @Get('units/:unitId/sub-units')
  @ApiOperation({ summary: 'Các bộ phận trực thuộc của đơn vị (người được xem nhân sự của đơn vị)' })
  @ApiOkResponse({ type: SubUnitListDto })
  list(@CurrentActor() actor: Actor, @Param('unitId') unitId: string) {
    return this.subUnits.list(actor, unitId);
  }

  @Get('sub-units/:id')
  @ApiOperation({ summary: 'Một bộ phận trực thuộc và quá trình khen thưởng của nó' })
  @ApiOkResponse({ type: SubUnitDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.subUnits.get(actor, id);
  }
}

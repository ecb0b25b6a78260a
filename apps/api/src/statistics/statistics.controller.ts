import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { domainError, type Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { ErrorBody } from '../http/openapi';
import { RegistryExportQueryDto, StatisticsDto, StatisticsQueryDto } from './statistics.dto';
import { REGISTRY_EXPORT_MAX_ROWS, StatisticsService } from './statistics.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsxBody = (description: string) => ({
  description,
  content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
});

/** `2026.pdf` → 2026; anything else is a 400 naming the year (a string param: the global pipe would coerce a number). */
export function reportYear(file: string): number {
  const m = /^(\d{4})\.pdf$/.exec(file ?? '');
  const year = m ? Number(m[1]) : NaN;
  if (!(year >= 1901 && year <= 9999))
    throw domainError('YEAR', 'Năm báo cáo không hợp lệ: đường dẫn có dạng /api/reports/annual/2026.pdf', 'year');
  return year;
}

const SCOPE_NOTE =
  'Cán bộ xem số liệu trong phạm vi được xem hồ sơ (đơn vị, cụm/khối, toàn tỉnh); người chưa đăng nhập xem số liệu khen thưởng toàn tỉnh (không có hồ sơ đang xét, bị từ chối, rút, và thời gian xử lý).';

@ApiTags('statistics')
@Controller('api')
export class StatisticsController {
  constructor(private readonly service: StatisticsService) {}

  @Get('statistics')
  @Public()
  @ApiOkResponse({ type: StatisticsDto })
  @ApiOperation({
    summary: `Thống kê thi đua, khen thưởng: lọc (năm, đợt, đơn vị, cụm, hình thức, đối tượng) và nhóm (hình thức, đơn vị, cụm, đợt, năm). ${SCOPE_NOTE}`,
  })
  statistics(@Query() filter: StatisticsQueryDto, @CurrentActor() actor?: Actor) {
    return this.service.statistics(actor, filter);
  }

  @Get('statistics.xlsx')
  @Public()
  @ApiProduces(XLSX)
  @ApiOkResponse(
    xlsxBody('Bảng thống kê (.xlsx, A4 ngang): tiêu đề tiếng Việt, dòng tổng cộng như tổng của GET /api/statistics'),
  )
  @ApiOperation({ summary: `Xuất bảng thống kê ra Excel, cùng tham số với GET /api/statistics. ${SCOPE_NOTE}` })
  async statisticsXlsx(@Query() filter: StatisticsQueryDto, @CurrentActor() actor?: Actor) {
    return new StreamableFile(await this.service.statisticsXlsx(actor, filter), {
      type: XLSX,
      disposition: `attachment; filename="thong-ke-${filter.year ?? 'tat-ca'}-${filter.groupBy ?? 'none'}.xlsx"`,
    });
  }

  @Get('registry.xlsx')
  @Public()
  @ApiProduces(XLSX)
  @ApiOkResponse(xlsxBody('Sổ khen thưởng (.xlsx, A4 ngang), dòng tổng cộng: số khen thưởng và tiền thưởng'))
  @ApiOperation({
    summary:
      'Xuất sổ khen thưởng ra Excel, cùng bộ lọc với GET /api/registry (không có mã định danh người được khen: dữ liệu cá nhân). Quá ' +
      `${REGISTRY_EXPORT_MAX_ROWS} dòng: 400 EXPORT_TOO_LARGE, cần lọc thêm`,
  })
  async registryXlsx(@Query() filter: RegistryExportQueryDto) {
    return new StreamableFile(await this.service.registryXlsx(filter), {
      type: XLSX,
      disposition: `attachment; filename="so-khen-thuong-${filter.year ?? 'tat-ca'}.xlsx"`,
    });
  }

  @Get('reports/annual/:file')
  @ApiBearerAuth()
  @ApiParam({ name: 'file', description: 'Năm báo cáo và đuôi .pdf', example: '2026.pdf' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'Báo cáo tổng kết công tác thi đua, khen thưởng (PDF, A4): năm đó so với năm trước',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiForbiddenResponse({
    type: ErrorBody,
    description: 'ANNUAL_REPORT_NOT_ALLOWED: chỉ thường trực hội đồng, Hội đồng, Chủ tịch, thanh tra',
  })
  @ApiOperation({ summary: 'Báo cáo tổng kết công tác thi đua, khen thưởng năm (toàn tỉnh), so sánh với năm trước' })
  async annualReport(@Param('file') file: string, @CurrentActor() actor: Actor) {
    const year = reportYear(file);
    return new StreamableFile(await this.service.annualReport(actor, year), {
      type: 'application/pdf',
      disposition: `inline; filename="bao-cao-tong-ket-${year}.pdf"`,
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  amountPaidVnd,
  domainError,
  statisticsViewOf,
  vietnamMonthOf,
  type Actor,
  type BaseSalaryPeriod,
} from '@tdkt/domain';
import {
  MAX_PAGE_SIZE,
  queryStatistics,
  type AwardView,
  type StatisticsQuery,
  type StatisticsResult,
} from '@tdkt/projections';
import type { ApiRuntime } from '../api-runtime';
import { API_RUNTIME } from '../tokens';
import { annualReportPdf } from './annual-report';
import { CheckpointCache, STATISTICS_PROJECTION } from '../read-cache/checkpoint-cache';
import type { RegistryExportQueryDto, StatisticsQueryDto } from './statistics.dto';
import { registryWorkbook, statisticsWorkbook, type LabelledStatistics } from './statistics-xlsx';

/** Rows of one registry workbook at most: beyond it, the office narrows the export (year, award, unit). */
export const REGISTRY_EXPORT_MAX_ROWS = 20_000;

export type StatisticsAnswer = LabelledStatistics & { baseSalary: BaseSalaryPeriod[] } & Pick<
    StatisticsResult,
    'total'
  >;

/** Statistics, their exports and the year-end report, all read from the statistics and registry read models. */
@Injectable()
export class StatisticsService {
  /** The one schedule, loaded with the catalog (the amounts the decisions recorded come first). */
  readonly baseSalary: BaseSalaryPeriod[];
  /** Answers by query and scope until the statistics projection moves on (see CheckpointCache). */
  private readonly answers: CheckpointCache<StatisticsAnswer>;

  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {
    this.baseSalary = [...(runtime.catalog.baseSalary ?? [])];
    this.answers = new CheckpointCache(runtime.readDb, STATISTICS_PROJECTION);
  }

  async statistics(actor: Actor | undefined, filter: StatisticsQueryDto): Promise<StatisticsAnswer> {
    const view = statisticsViewOf(actor);
    const query: StatisticsQuery = {
      scope: view.audience === 'public' ? 'public' : view.scope,
      baseSalary: this.baseSalary,
      groupBy: filter.groupBy ?? 'none',
    };
    if (filter.year !== undefined) query.year = filter.year;
    if (filter.campaign) query.campaignId = filter.campaign;
    if (filter.unit) query.unitId = filter.unit;
    if (filter.cluster) query.clusterId = filter.cluster;
    if (filter.award) query.awardCode = filter.award;
    if (filter.kind) query.recipientKind = filter.kind;
    // The answer depends on the query and the reader's scope only (labels and the schedule are loaded once).
    const { baseSalary: _schedule, ...key } = query;
    return this.answers.get(JSON.stringify(key), async () => {
      const result = await queryStatistics(this.runtime.readDb, query);
      return {
        groupBy: result.groupBy,
        coverage: view.audience === 'public' ? 'public' : view.scope.all ? 'province' : 'scope',
        groups: result.groups.map((g) => ({ ...g, label: this.label(result.groupBy, g.key) })),
        total: result.total,
        baseSalary: this.baseSalary,
      };
    });
  }

  async statisticsXlsx(actor: Actor | undefined, filter: StatisticsQueryDto): Promise<Buffer> {
    const stats = await this.statistics(actor, filter);
    const what = [
      filter.year !== undefined ? `năm ${filter.year}` : '',
      filter.campaign ? this.label('campaign', filter.campaign) : '',
      filter.unit ? this.label('unit', filter.unit) : '',
      filter.cluster ? this.label('cluster', filter.cluster) : '',
      filter.award ? this.label('award', filter.award) : '',
      filter.kind === 'individual' ? 'cá nhân' : filter.kind === 'collective' ? 'tập thể' : '',
    ].filter(Boolean);
    return statisticsWorkbook(stats, `THỐNG KÊ THI ĐUA, KHEN THƯỞNG${what.length ? ` — ${what.join(', ')}` : ''}`);
  }

  async registryXlsx(filter: RegistryExportQueryDto): Promise<Buffer> {
    const awards: AwardView[] = [];
    for (let page = 1; ; page++) {
      const q = {
        includeRevoked: filter.includeRevoked ?? true,
        page,
        pageSize: MAX_PAGE_SIZE,
        ...(filter.q ? { q: filter.q } : {}),
        ...(filter.year !== undefined ? { year: filter.year } : {}),
        ...(filter.award ? { awardCode: filter.award } : {}),
        ...(filter.unit ? { unitId: filter.unit } : {}),
        ...(filter.campaign ? { campaignId: filter.campaign } : {}),
      };
      const found = await this.runtime.queries.searchRegistry(q);
      if (found.total > REGISTRY_EXPORT_MAX_ROWS)
        throw domainError(
          'EXPORT_TOO_LARGE',
          `Có ${found.total} khen thưởng, quá ${REGISTRY_EXPORT_MAX_ROWS} dòng của một tệp: lọc thêm theo năm, hình thức hoặc đơn vị`,
          'year',
        );
      awards.push(...found.items);
      if (page * MAX_PAGE_SIZE >= found.total) break;
    }
    const rows = awards.map((a) => ({
      ...a,
      unitName: a.unitId ? this.label('unit', a.unitId) : '',
      amountVnd:
        a.signedAt && a.cashMultiple !== null
          ? amountPaidVnd(this.baseSalary, vietnamMonthOf(a.signedAt), a.cashMultiple)
          : 0,
    }));
    const title = `SỔ KHEN THƯỞNG${filter.year !== undefined ? ` NĂM ${filter.year}` : ''}`;
    return registryWorkbook(rows, title);
  }

  /** The province's year-end report: the year against the year before. */
  async annualReport(actor: Actor, year: number): Promise<Buffer> {
    const view = statisticsViewOf(actor);
    if (view.audience !== 'official' || !view.scope.all) throw domainError('ANNUAL_REPORT_NOT_ALLOWED');
    const [current, previous, byAward, byAwardBefore, byCluster] = await Promise.all([
      this.statistics(actor, { year }),
      this.statistics(actor, { year: year - 1 }),
      this.statistics(actor, { year, groupBy: 'award' }),
      this.statistics(actor, { year: year - 1, groupBy: 'award' }),
      this.statistics(actor, { year, groupBy: 'cluster' }),
    ]);
    return annualReportPdf({
      year,
      province: this.runtime.directory.org.province,
      current: current.total,
      previous: previous.total,
      byAward: byAward.groups,
      byAwardBefore: byAwardBefore.groups,
      byCluster: byCluster.groups,
      baseSalary: this.baseSalary,
    });
  }

  /** The name users read for a group's key. */
  label(groupBy: string, key: string | number | null): string {
    const d = this.runtime.directory;
    const id = String(key ?? '');
    switch (groupBy) {
      case 'award':
        return this.runtime.catalog.awards.find((a) => a.code === id)?.name ?? id;
      case 'unit':
        return d.unit(id)?.name ?? id;
      case 'cluster':
        return d.org.clusters.find((c) => c.id === id)?.name ?? id;
      case 'campaign':
        return d.campaign(id)?.name ?? id;
      case 'year':
        return `Năm ${id}`;
      default:
        return 'Toàn bộ';
    }
  }
}

/**
 * The statistics dashboard's charts (ECharts), beside the table: awards by the chosen grouping
 * (individuals and collectives stacked), the outcomes of the nominations, and the shares (women,
 * direct workers, grassroots collectives) by group. Loaded lazily with ECharts, after the table.
 */
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import type { Schemas } from '../api/client';
import { percent } from '../format';
import { EChart, type ChartOption } from './EChart';

type Statistics = Schemas['StatisticsDto'];
type Figures = Schemas['StatisticsFiguresDto'];
type Outcomes = Schemas['NominationOutcomesDto'];

const OUTCOMES: [keyof Omit<Outcomes, 'total'>, string][] = [
  ['awarded', 'Được khen thưởng'],
  ['inProgress', 'Đang xét'],
  ['draft', 'Đang soạn'],
  ['rejectedAtCluster', 'Cụm, khối không đề nghị'],
  ['notApprovedByCouncil', 'Hội đồng không thông qua'],
  ['declined', 'Chủ tịch không ký'],
  ['withdrawn', 'Đã rút'],
  ['revoked', 'Đã hủy bỏ'],
];

const SHARES: [keyof Pick<Figures, 'women' | 'directWorkers' | 'grassroots'>, string][] = [
  ['women', 'Nữ'],
  ['directWorkers', 'Lao động trực tiếp'],
  ['grassroots', 'Tập thể cơ sở'],
];

const labelOf = (f: Figures) => f.label ?? String(f.key ?? 'Tổng cộng');
const count = (n: number) => n.toLocaleString('vi-VN');

/** Awards per group: one horizontal bar per group, individuals and collectives stacked. */
function awardsByGroup(groups: Figures[]): ChartOption {
  const shown = [...groups].reverse(); // the first group on top
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: shown.map(labelOf),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      { name: 'Cá nhân', type: 'bar', stack: 'awards', barMaxWidth: 28, data: shown.map((g) => g.awards.individuals) },
      { name: 'Tập thể', type: 'bar', stack: 'awards', barMaxWidth: 28, data: shown.map((g) => g.awards.collectives) },
    ],
  };
}

/** The outcomes of the nominations (a ring; outcomes with none left out). */
function outcomes(o: Outcomes): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        name: 'Hồ sơ',
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}' },
        data: OUTCOMES.filter(([k]) => o[k] > 0).map(([k, name]) => ({ name, value: o[k] })),
      },
    ],
  };
}

/** The shares per group, in percent (a group without the information has no bar). */
function sharesByGroup(rows: Figures[]): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map(labelOf), axisLabel: { interval: 0, width: 110, overflow: 'truncate' } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: SHARES.map(([k, name]) => ({
      name,
      type: 'bar',
      barMaxWidth: 28,
      data: rows.map((r) => (r[k].share === null ? '-' : Math.round(r[k].share * 1000) / 10)),
    })),
  };
}

export default function StatisticsCharts({ data, groupLabel }: { data: Statistics; groupLabel: string }) {
  const grouped = data.groupBy !== 'none' && data.groups.length > 0;
  const shareRows = useMemo(() => (grouped ? data.groups : [{ ...data.total, label: 'Tổng cộng' }]), [data, grouped]);
  const options = useMemo(
    () => ({
      awards: grouped ? awardsByGroup(data.groups) : undefined,
      outcomes: data.total.nominations ? outcomes(data.total.nominations) : undefined,
      shares: sharesByGroup(shareRows),
    }),
    [data, grouped, shareRows],
  );
  const o = data.total.nominations;
  const anyShare = shareRows.some((r) => SHARES.some(([k]) => r[k].share !== null));
  return (
    <Row gutter={[16, 16]}>
      {options.awards && (
        <Col xs={24} lg={12}>
          <Card size="small" title={`Khen thưởng theo ${groupLabel.toLowerCase()}`}>
            <EChart
              option={options.awards}
              height={Math.max(240, 36 * data.groups.length + 60)}
              label={`Biểu đồ cột: số khen thưởng theo ${groupLabel.toLowerCase()}. ${data.groups
                .map(
                  (g) =>
                    `${labelOf(g)}: ${count(g.awards.individuals)} cá nhân, ${count(g.awards.collectives)} tập thể`,
                )
                .join('; ')}`}
            />
          </Card>
        </Col>
      )}
      {options.outcomes && o && (
        <Col xs={24} lg={12}>
          <Card size="small" title="Kết quả hồ sơ đề nghị">
            <EChart
              option={options.outcomes}
              label={`Biểu đồ tròn: ${count(o.total)} hồ sơ theo kết quả. ${OUTCOMES.filter(([k]) => o[k] > 0)
                .map(([k, name]) => `${name}: ${count(o[k])}`)
                .join('; ')}`}
            />
          </Card>
        </Col>
      )}
      <Col xs={24} lg={grouped ? 24 : 12}>
        <Card size="small" title="Tỷ lệ nữ, lao động trực tiếp, tập thể cơ sở">
          {anyShare ? (
            <EChart
              option={options.shares}
              label={`Biểu đồ cột: tỷ lệ theo ${grouped ? groupLabel.toLowerCase() : 'tổng cộng'}. ${shareRows
                .map(
                  (r) =>
                    `${labelOf(r)}: ${SHARES.map(([k, name]) => `${name} ${r[k].share === null ? 'không có số liệu' : percent(r[k].share)}`).join(', ')}`,
                )
                .join('; ')}`}
            />
          ) : (
            <Empty description="Chưa ghi nhận giới tính, lao động trực tiếp hay tập thể cơ sở của đối tượng nào" />
          )}
        </Card>
      </Col>
    </Row>
  );
}

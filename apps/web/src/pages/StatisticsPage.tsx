import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, InputNumber, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { download } from '../components/download';
import { useUrlParams } from '../components/useUrlParams';
import { percent } from '../format';
import { vnd } from '../decisions/queries';

// ECharts in its own chunk, fetched after the table: the figures show first.
const StatisticsCharts = lazy(() => import('../statistics/StatisticsCharts'));

type Figures = Schemas['StatisticsFiguresDto'];
type Share = Schemas['ShareDto'];
type GroupBy = 'none' | 'award' | 'unit' | 'cluster' | 'campaign' | 'year';

const GROUPS: Record<GroupBy, string> = {
  none: 'Không nhóm',
  award: 'Hình thức khen thưởng',
  unit: 'Đơn vị',
  cluster: 'Cụm, khối thi đua',
  campaign: 'Đợt thi đua',
  year: 'Năm',
};

const share = (s: Share) => (s.share === null ? '—' : `${percent(s.share)} (${s.count}/${s.of})`);

/**
 * The statistics dashboard: awards and outcomes by award, unit, cluster, campaign or year, as charts
 * and as a table, and the .xlsx export.
 */
export default function StatisticsPage() {
  const [params, update] = useUrlParams();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const groupBy = (params.get('groupBy') ?? 'award') as GroupBy;
  const kind = (params.get('kind') ?? undefined) as 'individual' | 'collective' | undefined;
  const [downloadError, setDownloadError] = useState<unknown>();
  const query = { ...(year ? { year } : {}), groupBy, ...(kind ? { kind } : {}) };
  const stats = useQuery({
    queryKey: ['statistics', query],
    queryFn: () => call(() => api.GET('/api/statistics', { params: { query } })),
    placeholderData: (prev) => prev,
  });
  const set = (k: string, v?: string | number | null) => update({ [k]: v });
  const xlsx = async () => {
    setDownloadError(undefined);
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    try {
      await download(`/api/statistics.xlsx?${qs.toString()}`, `thong-ke-khen-thuong${year ? `-${year}` : ''}.xlsx`);
    } catch (e) {
      setDownloadError(e);
    }
  };
  const d = stats.data;
  const rows: Figures[] = d ? [...d.groups, { ...d.total, label: 'Tổng cộng' }] : [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Thống kê khen thưởng
        </Typography.Title>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void xlsx()}>
          Tải bảng thống kê (.xlsx)
        </Button>
      </Space>
      <Card size="small">
        <Space wrap size="large">
          <Space>
            <label htmlFor="stats-year">Năm</label>
            <InputNumber
              id="stats-year"
              min={1900}
              max={9999}
              value={year}
              placeholder="Mọi năm"
              onChange={(v) => set('year', v)}
            />
          </Space>
          <Space>
            <label htmlFor="stats-group">Nhóm theo</label>
            <Select<GroupBy>
              id="stats-group"
              style={{ width: 220 }}
              value={groupBy}
              onChange={(v) => set('groupBy', v)}
              options={Object.entries(GROUPS).map(([value, label]) => ({ value: value as GroupBy, label }))}
            />
          </Space>
          <Space>
            <label htmlFor="stats-kind">Đối tượng</label>
            <Select
              id="stats-kind"
              allowClear
              placeholder="Cá nhân và tập thể"
              style={{ width: 200 }}
              value={kind}
              onChange={(v?: string) => set('kind', v)}
              options={[
                { value: 'individual', label: 'Cá nhân' },
                { value: 'collective', label: 'Tập thể' },
              ]}
            />
          </Space>
        </Space>
      </Card>
      <ApiErrorAlert error={stats.error ?? downloadError} />
      {d && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="Khen thưởng" value={d.total.awards.total} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title="Cá nhân / tập thể"
                value={`${d.total.awards.individuals} / ${d.total.awards.collectives}`}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="Tỷ lệ nữ" value={d.total.women.share === null ? '—' : percent(d.total.women.share)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="Tiền thưởng" value={vnd(d.total.amountPaidVnd)} />
            </Card>
          </Col>
        </Row>
      )}
      {d && (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <StatisticsCharts data={d} groupLabel={GROUPS[groupBy]} />
        </Suspense>
      )}
      <Table<Figures>
        rowKey={(r) => String(r.key ?? 'total')}
        loading={stats.isFetching}
        dataSource={rows}
        scroll={{ x: 900 }}
        pagination={false}
        size="small"
        columns={[
          { title: GROUPS[groupBy], render: (_, r) => r.label ?? String(r.key ?? 'Tổng cộng') },
          { title: 'Hồ sơ', align: 'right', render: (_, r) => r.nominations?.total ?? '—' },
          { title: 'Khen thưởng', align: 'right', render: (_, r) => r.awards.total },
          { title: 'Cá nhân', align: 'right', render: (_, r) => r.awards.individuals },
          { title: 'Tập thể', align: 'right', render: (_, r) => r.awards.collectives },
          { title: 'Đã hủy bỏ', align: 'right', render: (_, r) => r.awards.revoked },
          { title: 'Nữ', render: (_, r) => share(r.women) },
          { title: 'Lao động trực tiếp', render: (_, r) => share(r.directWorkers) },
          { title: 'Tập thể cơ sở', render: (_, r) => share(r.grassroots) },
          { title: 'Tiền thưởng', align: 'right', render: (_, r) => vnd(r.amountPaidVnd) },
        ]}
      />
    </Space>
  );
}

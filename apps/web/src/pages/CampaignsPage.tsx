import { useQuery } from '@tanstack/react-query';
import { InputNumber, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { CAMPAIGN_STATUS_COLORS as STATUS_COLORS } from '../campaigns/queries';
import { date } from '../format';

type Campaign = Schemas['CampaignSummaryDto'];

/** The emulation campaigns (đợt thi đua): kind, year, stage, the submission deadline and registrations; each opens its detail. */
export default function CampaignsPage() {
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const list = useQuery({
    queryKey: ['campaigns', 'list', year ?? 'all'],
    queryFn: () => call(() => api.GET('/api/campaigns', { params: { query: year ? { year } : {} } })),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Đợt thi đua
      </Typography.Title>
      <Space>
        <label htmlFor="campaign-year">Năm</label>
        <InputNumber
          id="campaign-year"
          min={1900}
          max={9999}
          value={year}
          placeholder="Mọi năm"
          onChange={(v) => setParams(v ? { year: String(v) } : {}, { replace: true })}
        />
      </Space>
      <ApiErrorAlert error={list.error} />
      <Table<Campaign>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        scroll={{ x: 700 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `${t} đợt` }}
        columns={[
          { title: 'Tên đợt', render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
          { title: 'Loại', dataIndex: 'kindLabel' },
          { title: 'Năm', dataIndex: 'year', width: 80 },
          {
            title: 'Giai đoạn',
            render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>,
          },
          { title: 'Hạn nộp hồ sơ', render: (_, c) => date(c.submissionDeadline) },
          { title: 'Đăng ký thi đua', dataIndex: 'registrations', align: 'right' },
        ]}
      />
    </Space>
  );
}

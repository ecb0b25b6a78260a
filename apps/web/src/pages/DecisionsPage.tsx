import { PlusOutlined } from '@ant-design/icons';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Schemas } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { LinkButton } from '../components/LinkButton';
import { DECISION_STATUS_COLORS, DECISION_STATUSES, useDecisions } from '../decisions/queries';
import { date } from '../format';

type Decision = Schemas['DecisionSummaryDto'];
type Status = 'DRAFT' | 'SIGNED' | 'ISSUED' | 'APPLIED' | 'DECLINED';

/** The decisions: drafts (office, Chairman, council, inspector) and those issued, filtered by status. */
export default function DecisionsPage() {
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as Status | undefined;
  const list = useDecisions(status);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Quyết định khen thưởng
        </Typography.Title>
        {hasRole('COUNCIL_SECRETARY') && (
          <LinkButton type="primary" icon={<PlusOutlined aria-hidden />} to="/decisions/new">
            Lập dự thảo quyết định
          </LinkButton>
        )}
      </Space>
      <Space>
        <label htmlFor="decision-status">Trạng thái</label>
        <Select
          id="decision-status"
          allowClear
          placeholder="Tất cả"
          style={{ width: 200 }}
          value={status}
          onChange={(v?: string) => setParams(v ? { status: v } : {}, { replace: true })}
          options={Object.entries(DECISION_STATUSES).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <ApiErrorAlert error={list.error} />
      <Table<Decision>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        scroll={{ x: 700 }}
        pagination={{ pageSize: 20, showTotal: (t) => `${t} quyết định` }}
        columns={[
          {
            title: 'Trích yếu',
            render: (_, d) => <Link to={`/decisions/${encodeURIComponent(d.id)}`}>{d.title}</Link>,
          },
          { title: 'Số quyết định', render: (_, d) => d.decisionNumber ?? '—' },
          {
            title: 'Trạng thái',
            render: (_, d) => (
              <Tag color={DECISION_STATUS_COLORS[d.status]}>{DECISION_STATUSES[d.status] ?? d.status}</Tag>
            ),
          },
          { title: 'Số người/tập thể', dataIndex: 'recipients', align: 'right' },
          { title: 'Ngày lập', render: (_, d) => date(d.draftedAt) },
          { title: 'Ngày ký', render: (_, d) => date(d.signedAt) },
        ]}
      />
    </Space>
  );
}

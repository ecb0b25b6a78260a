import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Skeleton, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { date } from '../format';
import { AwardHistoryTable } from '../people/AwardHistoryTable';

type Spell = Schemas['UnitSpellDto'];

/** One person: who they are, where they worked, and every award they received. */
export default function PersonDetailPage() {
  const { id = '' } = useParams();
  const p = useQuery({
    queryKey: ['people', 'detail', id],
    queryFn: () => call(() => api.GET('/api/people/{id}', { params: { path: { id } } })),
  });
  if (p.error) return <ApiErrorAlert error={p.error} />;
  if (!p.data) return <Skeleton active />;
  const x = p.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">
          <Link to="/people">Nhân sự</Link> /
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '4px 0' }}>
          {x.fullName}
        </Typography.Title>
      </div>
      <Card size="small" title="Thông tin">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="Đơn vị">{x.unitName ?? x.unitId}</Descriptions.Item>
          <Descriptions.Item label="Chức vụ">{x.position ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Giới tính">
            {x.gender === 'female' ? 'Nữ' : x.gender === 'male' ? 'Nam' : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày sinh">{date(x.dateOfBirth)}</Descriptions.Item>
          <Descriptions.Item label="Số CCCD">{x.citizenId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Lao động trực tiếp">{x.directWorker ? 'Có' : 'Không'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="Quá trình khen thưởng">
        <AwardHistoryTable awards={x.awards} />
      </Card>
      <Card size="small" title="Quá trình công tác">
        <Table<Spell>
          rowKey={(s) => `${s.unitId}-${s.from}`}
          size="small"
          dataSource={x.units}
          pagination={false}
          columns={[
            { title: 'Đơn vị', render: (_, s) => s.unitName ?? s.unitId },
            { title: 'Chức vụ', render: (_, s) => s.position ?? '—' },
            { title: 'Từ ngày', render: (_, s) => date(s.from) },
            { title: 'Đến ngày', render: (_, s) => (s.to ? date(s.to) : 'nay') },
          ]}
        />
      </Card>
    </Space>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { date } from '../format';
import { AwardHistoryTable } from '../people/AwardHistoryTable';
import { subUnitKeys } from '../people/sub-units';

/** One sub-unit (a collective): its unit, kind, id to nominate it by, and every award it received. */
export default function SubUnitDetailPage() {
  const { id = '' } = useParams();
  const s = useQuery({
    queryKey: subUnitKeys.detail(id),
    queryFn: () => call(() => api.GET('/api/sub-units/{id}', { params: { path: { id } } })),
  });
  if (s.error) return <ApiErrorAlert error={s.error} />;
  if (!s.data) return <Skeleton active />;
  const x = s.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">
          <Link to={`/sub-units?unit=${encodeURIComponent(x.unitId)}`}>Bộ phận trực thuộc</Link> /
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '4px 0' }}>
          {x.name}
        </Typography.Title>
      </div>
      <Card size="small" title="Thông tin">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="Đơn vị chủ quản">{x.unitName}</Descriptions.Item>
          <Descriptions.Item label="Loại bộ phận">{x.subUnitKindLabel}</Descriptions.Item>
          <Descriptions.Item label="Mã tập thể (dùng khi đề nghị)">{x.id}</Descriptions.Item>
          <Descriptions.Item label="Ngày khai báo">{date(x.registeredAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="Quá trình khen thưởng">
        <AwardHistoryTable awards={x.awards} />
      </Card>
    </Space>
  );
}

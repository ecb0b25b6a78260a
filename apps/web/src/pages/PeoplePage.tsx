import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { LinkButton } from '../components/LinkButton';
import { useUrlParams } from '../components/useUrlParams';
import { date } from '../format';

type Person = Schemas['PersonSummaryDto'];

/** The people in the units the signed-in person may see, searchable by name. */
export default function PeoplePage() {
  const { hasRole } = useAuth();
  const [params, update] = useUrlParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const result = useQuery({
    queryKey: ['people', 'list', q, page, pageSize],
    queryFn: () => call(() => api.GET('/api/people', { params: { query: { q: q || undefined, page, pageSize } } })),
    placeholderData: (prev) => prev,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Nhân sự và quá trình khen thưởng
        </Typography.Title>
        {hasRole('UNIT_OFFICER', 'UNIT_HEAD', 'COUNCIL_SECRETARY') && (
          <LinkButton icon={<UploadOutlined aria-hidden />} to="/people/import">
            Nhập từ tệp Excel
          </LinkButton>
        )}
      </Space>
      <Card size="small">
        <label htmlFor="people-q" style={{ display: 'block', marginBottom: 4 }}>
          Họ và tên
        </label>
        <Input.Search
          id="people-q"
          defaultValue={q}
          allowClear
          enterButton="Tìm"
          onSearch={(v) => update({ q: v.trim(), page: undefined })}
        />
      </Card>
      <ApiErrorAlert error={result.error} />
      <Table<Person>
        rowKey="id"
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        scroll={{ x: 640 }}
        onChange={(p) => update({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        pagination={{ current: page, pageSize, total: result.data?.total ?? 0, showTotal: (t) => `${t} người` }}
        columns={[
          {
            title: 'Họ và tên',
            render: (_, p) => <Link to={`/people/${encodeURIComponent(p.id)}`}>{p.fullName}</Link>,
          },
          { title: 'Đơn vị', render: (_, p) => p.unitName ?? p.unitId },
          { title: 'Chức vụ', render: (_, p) => p.position ?? '—' },
          { title: 'Ngày sinh', render: (_, p) => date(p.dateOfBirth) },
        ]}
      />
    </Space>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Input, Space, Table, Tag, Typography } from 'antd';
import { api, call, type Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useUrlParams } from '../components/useUrlParams';
import { date } from '../format';
import { NOMINEE_KINDS, REVOCATION_GROUNDS } from '../labels';

type Award = Schemas['AwardDto'];

/** The public award registry (sổ khen thưởng): search by name, award, unit or decision number, with or without diacritics. */
export default function RegistryPage() {
  const [params, update] = useUrlParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const result = useQuery({
    queryKey: ['registry', q, page, pageSize],
    queryFn: () => call(() => api.GET('/api/registry', { params: { query: { q: q || undefined, page, pageSize } } })),
    placeholderData: (prev) => prev,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Tra cứu khen thưởng
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Sổ khen thưởng công khai: các khen thưởng đã được Chủ tịch UBND tỉnh ký quyết định. Gõ tên không dấu cũng tìm
        được.
      </Typography.Paragraph>
      <Card size="small">
        <label htmlFor="registry-q" style={{ display: 'block', marginBottom: 4 }}>
          Tên người/tập thể, hình thức, đơn vị hoặc số quyết định
        </label>
        <Input.Search
          id="registry-q"
          defaultValue={q}
          allowClear
          enterButton="Tìm"
          placeholder="vd. nguyen van an, 12/QĐ-UBND"
          onSearch={(v) => update({ q: v.trim(), page: undefined })}
        />
      </Card>
      <ApiErrorAlert error={result.error} />
      <Table<Award>
        rowKey="nominationId"
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        scroll={{ x: 700 }}
        onChange={(p) => update({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        pagination={{
          current: page,
          pageSize,
          total: result.data?.total ?? 0,
          showTotal: (t) => `${t} khen thưởng`,
        }}
        columns={[
          {
            title: 'Người/tập thể được khen thưởng',
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{a.nomineeName}</Typography.Text>
                {a.nomineeKind && <Typography.Text type="secondary">{NOMINEE_KINDS[a.nomineeKind]}</Typography.Text>}
              </Space>
            ),
          },
          { title: 'Hình thức', dataIndex: 'awardName' },
          { title: 'Số quyết định', dataIndex: 'decisionNumber' },
          { title: 'Ngày ký', render: (_, a) => date(a.signedAt) },
          {
            title: 'Tình trạng',
            render: (_, a) =>
              a.revoked ? (
                <Tag color="red" title={a.revocationReason ?? undefined}>
                  Đã hủy bỏ
                  {a.revocationGround ? `: ${REVOCATION_GROUNDS[a.revocationGround] ?? a.revocationGround}` : ''}
                </Tag>
              ) : (
                <Tag color="green">Có hiệu lực</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { date } from '../format';

type Model = Schemas['ExemplaryModelDto'];

/**
 * Public: the exemplary models (gương điển hình tiên tiến) the office has published, each the story
 * behind a signed award; searched without diacritics by the API. Search and page in the URL.
 */
export default function ExemplaryModelsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1);
  const list = useQuery({
    queryKey: ['exemplary-models', q, page],
    queryFn: () =>
      call(() => api.GET('/api/exemplary-models', { params: { query: { ...(q ? { q } : {}), page, pageSize: 10 } } })),
    placeholderData: (prev) => prev,
  });
  const set = (next: Record<string, string>) => setParams(next, { replace: true });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Gương điển hình tiên tiến
      </Typography.Title>
      <Space>
        <label htmlFor="models-q">Tìm (không cần dấu)</label>
        <Input.Search
          id="models-q"
          allowClear
          defaultValue={q}
          placeholder="vd. nguyen van an"
          style={{ width: 320, maxWidth: '100%' }}
          onSearch={(v) => set(v.trim() ? { q: v.trim() } : {})}
        />
      </Space>
      <ApiErrorAlert error={list.error} />
      <List<Model>
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="Chưa có gương điển hình nào được công bố" /> }}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? 10,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: (p) => set({ ...(q ? { q } : {}), page: String(p) }),
        }}
        renderItem={(m) => (
          <List.Item key={m.id}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={
                <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                  {m.title}
                </Typography.Title>
              }
            >
              <Space wrap style={{ marginBottom: 8 }}>
                <Typography.Text strong>{m.award.nomineeName}</Typography.Text>
                <Tag>{m.award.awardName}</Tag>
                <span>
                  Quyết định số {m.award.decisionNumber}
                  {m.award.year ? ` (${m.award.year})` : ''}
                </span>
                {m.publishedAt && <Typography.Text type="secondary">Công bố {date(m.publishedAt)}</Typography.Text>}
              </Space>
              {m.photoUrl && (
                <img
                  src={m.photoUrl}
                  alt={`Ảnh: ${m.award.nomineeName}`}
                  style={{ maxWidth: 240, float: 'right', marginLeft: 16 }}
                />
              )}
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap' }}
                ellipsis={{ rows: 6, expandable: true, symbol: 'Xem thêm' }}
              >
                {m.text}
              </Typography.Paragraph>
            </Card>
          </List.Item>
        )}
      />
    </Space>
  );
}

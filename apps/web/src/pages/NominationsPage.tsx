import { PlusOutlined } from '@ant-design/icons';
import { Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { Schemas } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { LinkButton } from '../components/LinkButton';
import { StatusTag } from '../components/StatusTag';
import { useUrlParams } from '../components/useUrlParams';
import { date, dateTime, isOverdue } from '../format';
import { NOMINATION_STATUSES, STATUS_LABELS } from '../labels';
import { useNominations, useReference, type AwardEntry, type ListFilter } from '../nominations/queries';
import { NominationLink } from '../nominations/NominationLink';
import { usePrefetchScreen } from '../prefetch';

type Summary = Schemas['NominationSummaryDto'];

/**
 * The list of nominations the reader may see: filters, the text search (without diacritics), sorting
 * and paging all done by the API and kept in the URL (shareable, survives a reload).
 */
export default function NominationsPage() {
  usePrefetchScreen('nominationDetail');
  const { hasRole } = useAuth();
  const [params, update] = useUrlParams();
  const { campaigns, units, catalog } = useReference();
  const filter: ListFilter = {
    status: params.get('status')?.split(',').filter(Boolean),
    campaign: params.get('campaign') ?? undefined,
    unit: params.get('unit') ?? undefined,
    award: params.get('award') ?? undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
    onHold: params.get('onHold') ? params.get('onHold') === 'true' : undefined,
    q: params.get('q') || undefined,
    sort: params.get('sort') || undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const q = filter.q ?? '';
  const sort = filter.sort ?? '';
  const list = useNominations(filter);
  // A new filter or search starts again at its first page.
  const set = (changes: Record<string, string | undefined>) => update({ page: undefined, ...changes });
  const awards = (catalog.data?.awards ?? []) as unknown as AwardEntry[];
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name ?? id ?? '—';
  const rows = list.data?.items ?? [];
  const [sortKey, sortDir] = sort.split(':');
  const order = (key: string): SortOrder | undefined =>
    sortKey === key ? (sortDir === 'asc' ? 'ascend' : 'descend') : undefined;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Hồ sơ đề nghị khen thưởng
        </Typography.Title>
        {hasRole('UNIT_OFFICER') && (
          <LinkButton type="primary" icon={<PlusOutlined />} to="/nominations/new">
            Lập hồ sơ mới
          </LinkButton>
        )}
      </Space>
      <Card size="small">
        <Form layout="vertical" aria-label="Bộ lọc hồ sơ">
          <Row gutter={12}>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="Tìm (không cần dấu)" htmlFor="q">
                <Input.Search
                  id="q"
                  allowClear
                  placeholder="vd. nguyen van an"
                  defaultValue={q}
                  onSearch={(v) => set({ q: v.trim() })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="Trạng thái" htmlFor="status">
                <Select
                  id="status"
                  mode="multiple"
                  allowClear
                  value={filter.status}
                  onChange={(v: string[]) => set({ status: v.join(',') })}
                  options={NOMINATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="Đợt thi đua" htmlFor="campaign">
                <Select
                  id="campaign"
                  allowClear
                  value={filter.campaign}
                  onChange={(v?: string) => set({ campaign: v })}
                  options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="Đơn vị" htmlFor="unit">
                <Select
                  id="unit"
                  allowClear
                  value={filter.unit}
                  onChange={(v?: string) => set({ unit: v })}
                  options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="Hình thức khen thưởng" htmlFor="award">
                <Select
                  id="award"
                  allowClear
                  value={filter.award}
                  onChange={(v?: string) => set({ award: v })}
                  options={awards.map((a) => ({ value: a.code, label: a.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item label="Năm" htmlFor="year">
                <InputNumber
                  id="year"
                  min={1900}
                  max={9999}
                  style={{ width: '100%' }}
                  value={filter.year}
                  onChange={(v) => set({ year: v ? String(v) : undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item label="Tạm dừng" htmlFor="onHold">
                <Select
                  id="onHold"
                  allowClear
                  value={params.get('onHold') ?? undefined}
                  onChange={(v?: string) => set({ onHold: v })}
                  options={[
                    { value: 'true', label: 'Đang tạm dừng' },
                    { value: 'false', label: 'Không tạm dừng' },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <ApiErrorAlert error={list.error} />
      <Table<Summary>
        rowKey="id"
        loading={list.isFetching}
        dataSource={rows}
        scroll={{ x: 800 }}
        rowClassName={(n) => (isOverdue(n.dueAt) ? 'overdue-row' : '')}
        onChange={(p, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s;
          set({
            page: String(p.current ?? 1),
            pageSize: String(p.pageSize ?? 20),
            sort: one?.order ? `${String(one.columnKey)}:${one.order === 'ascend' ? 'asc' : 'desc'}` : undefined,
          });
        }}
        pagination={{
          current: list.data?.page ?? filter.page,
          pageSize: list.data?.pageSize ?? filter.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `${total} hồ sơ`,
        }}
        columns={[
          {
            key: 'nominee',
            title: 'Người/tập thể được đề nghị',
            sorter: true,
            sortOrder: order('nominee'),
            render: (_, n) => <NominationLink id={n.id}>{n.nomineeName ?? n.id}</NominationLink>,
          },
          {
            key: 'award',
            title: 'Hình thức',
            dataIndex: 'awardName',
            sorter: true,
            sortOrder: order('award'),
          },
          {
            key: 'unit',
            title: 'Đơn vị',
            render: (_, n) => unitName(n.unitId),
          },
          {
            key: 'status',
            title: 'Trạng thái',
            render: (_, n) => <StatusTag n={n} />,
            sorter: true,
            sortOrder: order('status'),
          },
          {
            key: 'due',
            title: 'Hạn xử lý',
            render: (_, n) =>
              isOverdue(n.dueAt) ? (
                <Typography.Text type="danger">Quá hạn {date(n.dueAt)}</Typography.Text>
              ) : (
                date(n.dueAt)
              ),
            sorter: true,
            sortOrder: order('due'),
          },
          {
            key: 'updated',
            title: 'Cập nhật',
            render: (_, n) => dateTime(n.updatedAt),
            sorter: true,
            sortOrder: order('updated'),
          },
        ]}
      />
    </Space>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, call, type Schemas } from '../api/client';
import { ApiErrorAlert, showFieldErrors } from '../components/ApiErrorAlert';
import { decisionKeys } from '../decisions/queries';
import { date } from '../format';
import { NOMINEE_KINDS } from '../labels';
import { nominationKeys, useNominations, useReference } from '../nominations/queries';

type Nomination = Schemas['NominationSummaryDto'];
interface Values {
  title: string;
  bases?: string;
}

/** The office drafts a decision from nominations the council approved (awaiting signature), several at once. */
export default function DecisionDraftPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { units } = useReference();
  const [page, setPage] = useState(1);
  const waiting = useNominations({ status: ['AWAITING_SIGNATURE'], page, pageSize: 50 });
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [selectionErrors, setSelectionErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;

  const submit = async (v: Values) => {
    setError(undefined);
    if (!selected.length) return setSelectionErrors(['Cần ít nhất một hồ sơ']);
    setBusy(true);
    const bases = (v.bases ?? '')
      .split('\n')
      .map((b) => b.trim())
      .filter(Boolean);
    try {
      const drafted = await call(() =>
        api.POST('/api/decisions', {
          body: { title: v.title.trim(), nominationIds: selected, ...(bases.length ? { bases } : {}) },
        }),
      );
      message.success('Đã lập dự thảo quyết định');
      await queryClient.invalidateQueries({ queryKey: decisionKeys.all });
      await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
      navigate(`/decisions/${encodeURIComponent(drafted.id)}`);
    } catch (e) {
      setError(e);
      showFieldErrors(form, e, (name) => !String(name[0]).startsWith('nominationIds'));
      if (e instanceof ApiError)
        setSelectionErrors(
          (e.body.errors ?? []).filter((f) => f.field.startsWith('nominationIds')).flatMap((f) => f.reasons),
        );
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">
          <Link to="/decisions">Quyết định khen thưởng</Link> /
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '4px 0' }}>
          Lập dự thảo quyết định
        </Typography.Title>
      </div>
      <ApiErrorAlert error={error} />
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          name="decision"
          onFinish={submit}
          initialValues={{ title: 'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh' }}
        >
          <Form.Item
            name="title"
            label="Trích yếu"
            rules={[{ required: true, whitespace: true, message: 'Cần trích yếu của quyết định' }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            name="bases"
            label="Căn cứ (mỗi dòng một căn cứ)"
            extra="Bỏ trống: dùng các căn cứ trong danh mục khen thưởng."
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item
            label={`Hồ sơ Hội đồng đã thông qua, chờ quyết định (đã chọn ${selected.length})`}
            required
            validateStatus={selectionErrors.length ? 'error' : undefined}
            help={selectionErrors.length ? selectionErrors.join('; ') : undefined}
          >
            <ApiErrorAlert error={waiting.error} />
            <Table<Nomination>
              rowKey="id"
              size="small"
              loading={waiting.isFetching}
              dataSource={waiting.data?.items ?? []}
              scroll={{ x: 640 }}
              rowSelection={{
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => {
                  setSelected(keys.map(String));
                  setSelectionErrors([]);
                },
              }}
              pagination={{
                current: page,
                pageSize: 50,
                total: waiting.data?.total ?? 0,
                onChange: setPage,
                showTotal: (t) => `${t} hồ sơ chờ quyết định`,
              }}
              columns={[
                {
                  title: 'Người/tập thể',
                  render: (_, n) => (
                    <Link to={`/nominations/${n.id}`}>
                      {n.nomineeName}
                      {n.nomineeKind ? ` (${NOMINEE_KINDS[n.nomineeKind]})` : ''}
                    </Link>
                  ),
                },
                { title: 'Hình thức', dataIndex: 'awardName' },
                { title: 'Đơn vị', render: (_, n) => (n.unitId ? unitName(n.unitId) : '—') },
                { title: 'Từ ngày', render: (_, n) => date(n.stageSince) },
              ]}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              Lập dự thảo
            </Button>
            <Button onClick={() => navigate(-1)}>Hủy</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}

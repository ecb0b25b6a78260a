import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert, showFieldErrors } from '../components/ApiErrorAlert';
import { dateTime } from '../format';
import { SESSION_STATUSES } from '../labels';
import { useNominations } from '../nominations/queries';
import { sessionKeys, useSessions } from '../sessions/queries';

/** Council sessions: the list, and for the secretary the convening of a new one with its agenda. */
export default function SessionsPage() {
  const { hasRole } = useAuth();
  const sessions = useSessions();
  const [params] = useSearchParams();
  const [convening, setConvening] = useState(!!params.get('add'));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Phiên họp Hội đồng Thi đua – Khen thưởng
        </Typography.Title>
        {hasRole('COUNCIL_SECRETARY') && !convening && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setConvening(true)}>
            Triệu tập phiên họp
          </Button>
        )}
      </Space>
      {convening && <ConveneForm preselected={params.get('add') ?? undefined} onDone={() => setConvening(false)} />}
      <ApiErrorAlert error={sessions.error} />
      <Table
        rowKey="id"
        loading={sessions.isLoading}
        dataSource={sessions.data ?? []}
        scroll={{ x: 600 }}
        pagination={false}
        columns={[
          { title: 'Phiên họp', render: (_, s) => <Link to={`/sessions/${s.id}`}>{s.title}</Link> },
          { title: 'Thời gian', render: (_, s) => dateTime(s.scheduledAt) },
          { title: 'Số hồ sơ', dataIndex: 'items' },
          {
            title: 'Trạng thái',
            render: (_, s) => (
              <Tag color={s.status === 'OPEN' ? 'processing' : s.status === 'CLOSED' ? 'default' : 'gold'}>
                {SESSION_STATUSES[s.status]}
              </Tag>
            ),
          },
        ]}
      />
    </Space>
  );
}

interface ConveneValues {
  title: string;
  scheduledAt: Dayjs;
  nominationIds: string[];
}

function ConveneForm({ preselected, onDone }: { preselected?: string; onDone: () => void }) {
  const [form] = Form.useForm<ConveneValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const waiting = useNominations({ status: ['COUNCIL_VOTING'], onHold: false, pageSize: 200 });
  const submit = async (v: ConveneValues) => {
    setError(undefined);
    try {
      const created = await call(() =>
        api.POST('/api/council-sessions', {
          body: { title: v.title.trim(), scheduledAt: v.scheduledAt.toISOString(), nominationIds: v.nominationIds },
        }),
      );
      message.success('Đã triệu tập phiên họp');
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      onDone();
      navigate(`/sessions/${created.id}`);
    } catch (e) {
      setError(e);
      showFieldErrors(form, e);
    }
  };
  return (
    <Card size="small" title="Triệu tập phiên họp">
      <ApiErrorAlert error={error} />
      <Form<ConveneValues>
        form={form}
        layout="vertical"
        name="convene"
        onFinish={submit}
        initialValues={{
          title: `Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh tháng ${dayjs().format('MM/YYYY')}`,
          scheduledAt: dayjs().add(1, 'hour').startOf('hour'),
          nominationIds: preselected ? [preselected] : [],
        }}
      >
        <Form.Item
          name="title"
          label="Tên phiên họp"
          rules={[{ required: true, whitespace: true, message: 'Cần tên phiên họp' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="scheduledAt" label="Thời gian họp" rules={[{ required: true, message: 'Chọn thời gian' }]}>
          <DatePicker showTime format="DD/MM/YYYY HH:mm" />
        </Form.Item>
        <Form.Item
          name="nominationIds"
          label="Hồ sơ đưa vào chương trình (đang chờ hội đồng xét)"
          rules={[{ required: true, message: 'Chọn ít nhất một hồ sơ' }]}
        >
          <Select
            mode="multiple"
            loading={waiting.isLoading}
            optionFilterProp="label"
            options={(waiting.data?.items ?? []).map((n) => ({
              value: n.id,
              label: `${n.nomineeName} — ${n.awardName}`,
            }))}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            Triệu tập
          </Button>
          <Button onClick={onDone}>Hủy</Button>
        </Space>
      </Form>
    </Card>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useFormSubmit } from '../components/useFormSubmit';
import { date } from '../format';
import { NOMINEE_KINDS } from '../labels';

type Notice = Schemas['PublicNoticeDto'];
type Item = Schemas['NoticeItemDto'];

/** The lists open for public comment (no sign-in): who is proposed for what, and the comment form. */
export default function PublicNoticesPage() {
  const notices = useQuery({
    queryKey: ['public-notices'],
    queryFn: () => call(() => api.GET('/api/public-notices')),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Công khai lấy ý kiến
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Danh sách người, tập thể được đề nghị khen thưởng đang được công khai. Mọi người có thể góp ý về từng hồ sơ
        trong thời gian công khai; thông tin liên hệ của người góp ý chỉ cơ quan thi đua, khen thưởng và thanh tra xem
        được.
      </Typography.Paragraph>
      <ApiErrorAlert error={notices.error} />
      {!notices.data && !notices.error && <Skeleton active />}
      {notices.data?.length === 0 && <Empty description="Hiện không có danh sách nào đang công khai" />}
      {notices.data?.map((n) => (
        <NoticeCard key={n.id} notice={n} />
      ))}
    </Space>
  );
}

function NoticeCard({ notice }: { notice: Notice }) {
  const [commenting, setCommenting] = useState<string>();
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0, whiteSpace: 'normal' }}>
          {notice.title}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>
        Công khai từ {date(notice.startsAt)} đến hết {date(notice.endsAt)} ({notice.workingDays} ngày làm việc) · đã
        nhận {notice.comments} ý kiến
      </Typography.Paragraph>
      <Table<Item>
        rowKey="nominationId"
        size="small"
        dataSource={notice.items}
        scroll={{ x: 560 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: 'Người/tập thể được đề nghị',
            render: (_, i) => `${i.nomineeName} (${NOMINEE_KINDS[i.nomineeKind] ?? i.nomineeKind})`,
          },
          { title: 'Hình thức khen thưởng', dataIndex: 'awardName' },
          {
            title: 'Góp ý',
            render: (_, i) => (
              <Button
                size="small"
                onClick={() => setCommenting(i.nominationId)}
                aria-label={`Góp ý về ${i.nomineeName}`}
              >
                Góp ý
              </Button>
            ),
          },
        ]}
      />
      {commenting !== undefined && (
        <CommentForm
          notice={notice}
          nominationId={commenting}
          key={commenting}
          onDone={() => setCommenting(undefined)}
        />
      )}
    </Card>
  );
}

interface Values {
  nominationId: string;
  name: string;
  contact: string;
  text: string;
}

function CommentForm({ notice, nominationId, onDone }: { notice: Notice; nominationId: string; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<string>();
  const { submit, busy, error } = useFormSubmit(form, async (v) => {
    const r = await call(() =>
      api.POST('/api/public-notices/{id}/comments', {
        params: { path: { id: notice.id } },
        body: { nominationId: v.nominationId, name: v.name.trim(), contact: v.contact.trim(), text: v.text.trim() },
      }),
    );
    setReceipt(r.commentId);
    form.resetFields(['text']);
  });
  return (
    <Card size="small" type="inner" title="Gửi ý kiến góp ý" style={{ marginTop: 16 }}>
      {receipt && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          message="Đã nhận ý kiến của anh/chị"
          description={`Mã ý kiến: ${receipt}. Cơ quan thi đua, khen thưởng sẽ xem xét và liên hệ khi cần.`}
        />
      )}
      <ApiErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        name={`notice-comment-${notice.id}`}
        onFinish={(v) => void submit(v)}
        initialValues={{ nominationId }}
      >
        <Form.Item name="nominationId" label="Hồ sơ góp ý" rules={[{ required: true, message: 'Chọn hồ sơ' }]}>
          <Select
            options={notice.items.map((i) => ({ value: i.nominationId, label: `${i.nomineeName} — ${i.awardName}` }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="Họ và tên người góp ý"
          rules={[{ required: true, whitespace: true, message: 'Cần họ tên người góp ý' }]}
        >
          <Input maxLength={200} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="contact"
          label="Số điện thoại hoặc thư điện tử"
          rules={[{ required: true, whitespace: true, message: 'Cần số điện thoại hoặc thư điện tử để liên hệ' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="text"
          label="Nội dung góp ý"
          rules={[{ required: true, whitespace: true, message: 'Cần nội dung góp ý' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            Gửi góp ý
          </Button>
          <Button onClick={onDone}>Đóng</Button>
        </Space>
      </Form>
    </Card>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { ApiErrorAlert, showFieldErrors } from '../components/ApiErrorAlert';
import { nominationKeys, useNomination, useReference, type AwardEntry } from '../nominations/queries';

interface Values {
  campaignId?: string;
  awardCode?: string;
  nominee: { kind: 'individual' | 'collective'; name: string; nomineeId?: string; position?: string };
  achievements: string;
  documents?: string[];
  comment?: string;
}

const trimmed = (s?: string) => (s && s.trim() ? s.trim() : undefined);

/** Drafting a nomination (unit officer), or editing a draft / a returned dossier. */
export default function NominationFormPage() {
  const { id } = useParams();
  return id ? <EditForm id={id} /> : <NominationForm />;
}

function EditForm({ id }: { id: string }) {
  const n = useNomination(id);
  if (n.error) return <ApiErrorAlert error={n.error} />;
  if (!n.data) return <Skeleton active />;
  return (
    <NominationForm
      id={id}
      initial={{
        nominee: { kind: (n.data.nomineeKind ?? 'individual') as 'individual', name: n.data.nomineeName ?? '' },
        achievements: n.data.achievements,
        documents: n.data.documents,
      }}
    />
  );
}

function NominationForm({ id, initial }: { id?: string; initial?: Partial<Values> }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { campaigns, catalog } = useReference();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // One key per form: sending again after a lost answer drafts the same nomination, not a second one.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const awards = (catalog.data?.awards ?? []) as unknown as AwardEntry[];
  const kind = Form.useWatch(['nominee', 'kind'], form);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    const nominee = {
      kind: v.nominee.kind,
      name: v.nominee.name.trim(),
      nomineeId: trimmed(v.nominee.nomineeId),
      position: trimmed(v.nominee.position),
    };
    const documents = (v.documents ?? []).map((d) => d.trim()).filter(Boolean);
    try {
      if (id) {
        await call(() =>
          api.PATCH('/api/nominations/{id}', {
            params: { path: { id } },
            body: { nominee, achievements: v.achievements, documents, comment: trimmed(v.comment) },
          }),
        );
        message.success('Đã lưu hồ sơ');
        await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
        navigate(`/nominations/${id}`);
      } else {
        const created = await call(() =>
          api.POST('/api/nominations', {
            params: { header: { 'Idempotency-Key': idempotencyKey } } as never,
            body: {
              campaignId: v.campaignId!,
              awardCode: v.awardCode!,
              nominee,
              achievements: v.achievements,
              documents,
              comment: trimmed(v.comment),
            },
          }),
        );
        message.success('Đã lập hồ sơ');
        await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
        navigate(`/nominations/${created.id}`);
      }
    } catch (e) {
      setError(e);
      showFieldErrors(form, e);
      // The API's message is above the form: bring it into view (fields it names are marked too).
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  };

  if (!campaigns.data || !catalog.data) return <Skeleton active />;
  const defaultCampaign = id ? undefined : campaigns.data.find((c) => c.open)?.id;

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 820 }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {id ? 'Sửa hồ sơ đề nghị' : 'Lập hồ sơ đề nghị khen thưởng'}
      </Typography.Title>
      <ApiErrorAlert error={error} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          name="nomination"
          initialValues={{ campaignId: defaultCampaign, nominee: { kind: 'individual' }, documents: [], ...initial }}
          scrollToFirstError
        >
          {!id && (
            <>
              <Form.Item
                name="campaignId"
                label="Đợt thi đua"
                rules={[{ required: true, message: 'Chọn đợt thi đua' }]}
              >
                <Select
                  options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name, disabled: !c.open }))}
                />
              </Form.Item>
              <Form.Item
                name="awardCode"
                label="Hình thức khen thưởng"
                rules={[{ required: true, message: 'Chọn hình thức khen thưởng' }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={awards
                    .filter((a) => !kind || !a.recipient || a.recipient === 'both' || a.recipient === kind)
                    .map((a) => ({ value: a.code, label: a.name }))}
                />
              </Form.Item>
            </>
          )}
          <Form.Item name={['nominee', 'kind']} label="Đối tượng" rules={[{ required: true }]}>
            <Radio.Group>
              <Radio value="individual">Cá nhân</Radio>
              <Radio value="collective">Tập thể</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name={['nominee', 'name']}
            label={kind === 'collective' ? 'Tên tập thể' : 'Họ và tên'}
            rules={[{ required: true, whitespace: true, message: 'Cần tên người/tập thể được đề nghị' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name={['nominee', 'nomineeId']}
            label="Mã định danh (CCCD, mã cán bộ, mã đơn vị)"
            extra="Bỏ trống: hệ thống suy ra từ đơn vị và họ tên."
          >
            <Input maxLength={100} />
          </Form.Item>
          {kind !== 'collective' && (
            <Form.Item name={['nominee', 'position']} label="Chức vụ, nghề nghiệp">
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item
            name="achievements"
            label="Tóm tắt thành tích"
            rules={[{ required: true, whitespace: true, message: 'Cần tóm tắt thành tích' }]}
          >
            <Input.TextArea rows={6} maxLength={10000} showCount />
          </Form.Item>
          <Form.Item name="documents" label="Tài liệu kèm theo (tên tệp)" extra="Gõ tên tệp rồi nhấn Enter.">
            <Select mode="tags" open={false} suffixIcon={null} aria-label="Tài liệu kèm theo" />
          </Form.Item>
          <Form.Item name="comment" label="Ghi chú">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {id ? 'Lưu hồ sơ' : 'Lập hồ sơ'}
            </Button>
            <Button onClick={() => navigate(-1)}>Hủy</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}

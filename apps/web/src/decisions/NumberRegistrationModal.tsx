import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../api/client';
import { ApiErrorAlert, showFieldErrors } from '../components/ApiErrorAlert';
import { nominationKeys } from '../nominations/queries';
import { decisionKeys } from './queries';

/**
 * The document office (văn thư) enters the number its register gave a signed decision, where the
 * authority numbers decisions outside the system (numbering "external"). The API refuses a number
 * already used in the year of signing (409, shown beside the field).
 */
export function NumberRegistrationModal({
  decision,
  onClose,
}: {
  decision: { id: string; title: string };
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ number: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const submit = async (v: { number: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await call(() =>
        api.POST('/api/decisions/{id}/number', {
          params: { path: { id: decision.id } },
          body: { number: v.number.trim() },
        }),
      );
      message.success(`Đã vào sổ quyết định số ${v.number.trim()}`);
      await queryClient.invalidateQueries({ queryKey: decisionKeys.all });
      await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
      onClose();
    } catch (e) {
      setError(e);
      showFieldErrors(form, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="Vào sổ số quyết định"
      okText="Vào sổ"
      cancelText="Hủy"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{decision.title}</Typography.Paragraph>
      <ApiErrorAlert error={error} />
      <Form form={form} layout="vertical" name="decision-number" onFinish={submit}>
        <Form.Item
          name="number"
          label="Số quyết định (theo sổ đăng ký văn bản)"
          rules={[{ required: true, whitespace: true, message: 'Cần số quyết định' }]}
          extra="Ví dụ: 163/QĐ-UBND. Số không được trùng với quyết định khác trong năm ký."
        >
          <Input maxLength={40} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

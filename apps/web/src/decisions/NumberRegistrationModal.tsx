import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Typography } from 'antd';
import { api, call } from '../api/client';
import { FormModal } from '../components/FormModal';
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
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const submit = async (v: { number: string }) => {
    await call(() =>
      api.POST('/api/decisions/{id}/number', {
        params: { path: { id: decision.id } },
        body: { number: v.number.trim() },
      }),
    );
    message.success(`Đã vào sổ quyết định số ${v.number.trim()}`);
    await queryClient.invalidateQueries({ queryKey: decisionKeys.all });
    await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
  };
  return (
    <FormModal<{ number: string }>
      title="Vào sổ số quyết định"
      okText="Vào sổ"
      name="decision-number"
      intro={<Typography.Paragraph>{decision.title}</Typography.Paragraph>}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="number"
        label="Số quyết định (theo sổ đăng ký văn bản)"
        rules={[{ required: true, whitespace: true, message: 'Cần số quyết định' }]}
        extra="Ví dụ: 163/QĐ-UBND. Số không được trùng với quyết định khác trong năm ký."
      >
        <Input maxLength={40} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Typography } from 'antd';
import { api, call } from '../api/client';
import { FormModal } from '../components/FormModal';
import { nominationKeys } from '../nominations/queries';
import { decisionKeys } from './queries';

/**
 * The Chairman signs a whole decision at once, or declines it with a reason. A number is asked only
 * where the authority numbers its decisions outside the system (numbering "external").
 */
export function SignatureModal({
  decision,
  mode,
  onClose,
}: {
  decision: { id: string; title: string; numbering?: string };
  mode: 'sign' | 'decline';
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const submit = async (v: { comment?: string; number?: string }) => {
    const r = await call(() =>
      api.POST('/api/decisions/{id}/signature', {
        params: { path: { id: decision.id } },
        body: {
          decision: mode,
          ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
          ...(v.number?.trim() ? { number: v.number.trim() } : {}),
        },
      }),
    );
    message.success(
      mode === 'sign'
        ? `Đã ký quyết định${r.decisionNumber ? ` số ${r.decisionNumber}` : ''}`
        : 'Đã không ký quyết định',
    );
    await queryClient.invalidateQueries({ queryKey: decisionKeys.all });
    await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
  };
  const title = mode === 'sign' ? 'Ký quyết định' : 'Không ký quyết định';
  return (
    <FormModal<{ comment?: string; number?: string }>
      title={title}
      okText={title}
      name={`decision-${mode}`}
      danger={mode === 'decline'}
      intro={<Typography.Paragraph>{decision.title}</Typography.Paragraph>}
      onSubmit={submit}
      onClose={onClose}
    >
      {mode === 'sign' && decision.numbering === 'external' && (
        <Form.Item name="number" label="Số quyết định (sổ đăng ký văn bản)" extra="Bỏ trống: văn thư vào số sau.">
          <Input maxLength={100} />
        </Form.Item>
      )}
      <Form.Item
        name="comment"
        label={mode === 'sign' ? 'Ý kiến' : 'Lý do không ký'}
        rules={mode === 'decline' ? [{ required: true, whitespace: true, message: 'Cần lý do không ký' }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

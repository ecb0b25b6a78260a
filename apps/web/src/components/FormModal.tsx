import { Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiErrorAlert, showFieldErrors } from './ApiErrorAlert';

/**
 * A form in a modal: the API's message above it and its field reasons beside the fields; closes once
 * `onSubmit` succeeds, stays open (busy, then with the reasons) while it fails.
 */
export function FormModal<T extends object>({
  title,
  okText,
  name,
  danger,
  intro,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  okText: string;
  name: string;
  danger?: boolean;
  /** Shown above the form (what is being acted on). */
  intro?: ReactNode;
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: T) => {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(v);
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
      title={title}
      okText={okText}
      cancelText="Hủy"
      okButtonProps={{ danger, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {intro}
      <ApiErrorAlert error={error} />
      <Form form={form} layout="vertical" name={name} onFinish={(v: T) => void submit(v)}>
        {children}
      </Form>
    </Modal>
  );
}

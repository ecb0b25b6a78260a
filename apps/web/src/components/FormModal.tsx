import { Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from './ApiErrorAlert';
import { useFormSubmit } from './useFormSubmit';

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
  initialValues,
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
  initialValues?: Partial<T>;
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<T>();
  const { submit, busy, error } = useFormSubmit(form, onSubmit);
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
      <Form
        form={form}
        layout="vertical"
        name={name}
        initialValues={initialValues}
        onFinish={(v: T) => void submit(v).then((done) => done && onClose())}
      >
        {children}
      </Form>
    </Modal>
  );
}

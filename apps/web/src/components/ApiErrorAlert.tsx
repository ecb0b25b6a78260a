import { Alert, type FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** The API's Vietnamese message (and its code, for support) above a form or a screen. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={e ? e.message : 'Đã có lỗi xảy ra'}
      description={e && e.code !== 'VALIDATION' ? `Mã lỗi: ${e.code}` : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * Puts the reasons of a 400 beside the fields they name (`nominee.name` → ['nominee', 'name'],
 * `documents.0` → ['documents', 0]). Returns the fields not on this form (shown in the alert only).
 */
export function showFieldErrors(form: FormInstance, error: unknown, known?: (name: (string | number)[]) => boolean) {
  if (!(error instanceof ApiError) || !error.body.errors) return;
  const fields = error.body.errors.map((f) => ({
    name: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors: f.reasons,
  }));
  form.setFields(known ? fields.filter((f) => known(f.name)) : fields);
}

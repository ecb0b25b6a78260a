import type { FormInstance } from 'antd';
import { useState } from 'react';
import { showFieldErrors } from './ApiErrorAlert';

/**
 * Sends a form to the API: `busy` while it runs; on a refusal, `error` (for <ApiErrorAlert>) and each
 * field's reasons beside that field. `submit` resolves to whether `send` succeeded, so the caller
 * decides what follows (close a dialog, reset a field, show a receipt).
 */
export function useFormSubmit<T>(
  form: FormInstance<T>,
  send: (values: T) => Promise<void>,
): { submit: (values: T) => Promise<boolean>; busy: boolean; error: unknown } {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    setError(undefined);
    try {
      await send(values);
      return true;
    } catch (e) {
      setError(e);
      showFieldErrors(form, e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy, error };
}

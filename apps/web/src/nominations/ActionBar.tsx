import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { call } from '../api/client';
import { FormModal } from '../components/FormModal';
import { ACTION_LABELS } from '../labels';
import { ACTION_FORMS } from './actions';
import { nominationKeys } from './queries';

/**
 * The buttons of the actions the signed-in person may take now (GET …/actions: the domain's guard),
 * each opening its form. `?action=X` (from the inbox) opens X's form at once when it is allowed.
 */
export function ActionBar({ id, allowed }: { id: string; allowed: string[] }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [open, setOpen] = useState<string>();
  const requested = params.get('action');
  useEffect(() => {
    if (!requested) return;
    if (allowed.includes(requested)) {
      if (requested === 'EditNomination') navigate(`/nominations/${id}/edit`);
      else setOpen(requested);
    }
    const next = new URLSearchParams(params);
    next.delete('action');
    setParams(next, { replace: true });
  }, [requested, allowed, id, navigate, params, setParams]);

  if (allowed.length === 0)
    return <Typography.Text type="secondary">Anh/chị không có thao tác nào với hồ sơ này lúc này.</Typography.Text>;
  return (
    <>
      <Space wrap role="group" aria-label="Thao tác với hồ sơ">
        {allowed.map((a) => (
          <Button
            key={a}
            type={ACTION_FORMS[a]?.danger ? 'default' : 'primary'}
            danger={ACTION_FORMS[a]?.danger}
            onClick={() => (a === 'EditNomination' ? navigate(`/nominations/${id}/edit`) : setOpen(a))}
          >
            {ACTION_LABELS[a] ?? a}
          </Button>
        ))}
      </Space>
      {open && <ActionModal id={id} action={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}

function ActionModal({ id, action, onClose }: { id: string; action: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const spec = ACTION_FORMS[action];
  if (!spec) return null;
  return (
    <FormModal<Record<string, unknown>>
      title={ACTION_LABELS[action]}
      okText={ACTION_LABELS[action]}
      name={`action-${action}`}
      danger={spec.danger}
      initialValues={spec.initial}
      intro={spec.note && <Typography.Paragraph type="secondary">{spec.note}</Typography.Paragraph>}
      onSubmit={async (values) => {
        await call(() => spec.send(id, values));
        message.success(`${ACTION_LABELS[action]}: đã thực hiện`);
        await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
      }}
      onClose={onClose}
    >
      {spec.fields}
    </FormModal>
  );
}

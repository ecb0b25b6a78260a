import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Popconfirm, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { FormModal } from '../components/FormModal';
import { useReference, type AwardEntry } from '../nominations/queries';
import { campaignKeys } from './queries';

type Campaign = Schemas['CampaignDetailDto'];

/**
 * What the signed-in person may do with a campaign at its stage, and only that: the office (Ban Thi
 * đua – Khen thưởng) launches it, opens the nominations, closes it; a unit head registers the unit
 * while registration is open. The API decides; a refusal shows its Vietnamese message.
 */
export function CampaignActions({ campaign, registered }: { campaign: Campaign; registered: boolean }) {
  const { hasRole } = useAuth();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [modal, setModal] = useState<'launch' | 'register'>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const office = hasRole('COUNCIL_SECRETARY');
  const s = campaign.status;
  const path = { params: { path: { id: campaign.id } } };

  const done = async (text: string) => {
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
    await queryClient.invalidateQueries({ queryKey: ['ref', 'campaigns'] });
  };
  const run = async (key: string, text: string, request: () => Promise<unknown>) => {
    setBusy(key);
    setError(undefined);
    try {
      await request();
      await done(text);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const buttons = [
    office && s === 'PLANNED' && (
      <Button key="launch" type="primary" onClick={() => setModal('launch')}>
        Phát động, mở đăng ký thi đua
      </Button>
    ),
    office && s === 'REGISTRATION_OPEN' && (
      <Popconfirm
        key="open"
        title="Kết thúc đăng ký và mở nhận hồ sơ đề nghị khen thưởng?"
        okText="Mở nhận hồ sơ"
        cancelText="Hủy"
        onConfirm={() =>
          run('open', 'Đã mở nhận hồ sơ đề nghị', () =>
            call(() => api.POST('/api/campaigns/{id}/open-nominations', path)),
          )
        }
      >
        <Button type="primary" loading={busy === 'open'}>
          Mở nhận hồ sơ đề nghị
        </Button>
      </Popconfirm>
    ),
    office && (s === 'REGISTRATION_OPEN' || s === 'NOMINATIONS_OPEN') && (
      <Popconfirm
        key="close"
        title="Kết thúc đợt thi đua? Sau đó không lập hồ sơ mới trong đợt."
        okText="Kết thúc đợt"
        okButtonProps={{ danger: true }}
        cancelText="Hủy"
        onConfirm={() =>
          run('close', 'Đã kết thúc đợt thi đua', () => call(() => api.POST('/api/campaigns/{id}/close', path)))
        }
      >
        <Button danger loading={busy === 'close'}>
          Kết thúc đợt thi đua
        </Button>
      </Popconfirm>
    ),
    hasRole('UNIT_HEAD') && s === 'REGISTRATION_OPEN' && !registered && (
      <Button key="register" type="primary" onClick={() => setModal('register')}>
        Đăng ký thi đua
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      <ApiErrorAlert error={error} />
      {buttons.length > 0 ? (
        <Space wrap role="group" aria-label="Thao tác với đợt thi đua">
          {buttons}
        </Space>
      ) : (
        <span>Không có thao tác nào của bạn ở giai đoạn này.</span>
      )}
      {modal === 'launch' && <LaunchModal campaign={campaign} done={done} onClose={() => setModal(undefined)} />}
      {modal === 'register' && <RegisterModal campaign={campaign} done={done} onClose={() => setModal(undefined)} />}
    </>
  );
}

type Done = (text: string) => Promise<void>;

function LaunchModal({ campaign, done, onClose }: { campaign: Campaign; done: Done; onClose: () => void }) {
  return (
    <FormModal<{ number: string; date: Dayjs }>
      title="Phát động đợt thi đua"
      okText="Phát động"
      name="campaign-launch"
      onClose={onClose}
      onSubmit={async (v) => {
        await call(() =>
          api.POST('/api/campaigns/{id}/launch', {
            params: { path: { id: campaign.id } },
            body: { document: { number: v.number.trim(), date: v.date.format('YYYY-MM-DD') } },
          }),
        );
        await done('Đã phát động, mở đăng ký thi đua');
      }}
    >
      <Form.Item
        name="number"
        label="Số văn bản phát động"
        rules={[{ required: true, whitespace: true, message: 'Cần số văn bản phát động' }]}
      >
        <Input maxLength={100} placeholder="vd. 11/KH-UBND" />
      </Form.Item>
      <Form.Item name="date" label="Ngày văn bản" rules={[{ required: true, message: 'Cần ngày văn bản' }]}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function RegisterModal({ campaign, done, onClose }: { campaign: Campaign; done: Done; onClose: () => void }) {
  const { catalog } = useReference();
  const name = (code: string) =>
    (catalog.data?.awards as unknown as AwardEntry[] | undefined)?.find((a) => a.code === code)?.name ?? code;
  return (
    <FormModal<{ commitment: string; targetAwardCodes: string[] }>
      title="Đăng ký thi đua của đơn vị"
      okText="Đăng ký"
      name="campaign-registration"
      onClose={onClose}
      onSubmit={async (v) => {
        await call(() =>
          api.POST('/api/campaigns/{id}/registrations', {
            params: { path: { id: campaign.id } },
            body: { commitment: v.commitment.trim(), targetAwardCodes: v.targetAwardCodes ?? [] },
          }),
        );
        await done('Đơn vị đã đăng ký thi đua');
      }}
    >
      <Form.Item
        name="commitment"
        label="Nội dung cam kết, chỉ tiêu thi đua"
        rules={[{ required: true, whitespace: true, message: 'Cần nội dung cam kết, chỉ tiêu thi đua' }]}
      >
        <Input.TextArea rows={4} maxLength={20000} />
      </Form.Item>
      <Form.Item
        name="targetAwardCodes"
        label="Danh hiệu phấn đấu đạt"
        rules={[{ required: true, message: 'Cần các danh hiệu đơn vị phấn đấu đạt' }]}
      >
        <Select mode="multiple" options={campaign.awardCodes.map((code) => ({ value: code, label: name(code) }))} />
      </Form.Item>
    </FormModal>
  );
}

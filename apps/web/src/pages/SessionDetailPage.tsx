import { CheckCircleOutlined, FilePdfOutlined, LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, authorisedBlobUrl, call, type Schemas } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { FormModal } from '../components/FormModal';
import { dateTime, percent } from '../format';
import { CHOICES, SESSION_STATUSES } from '../labels';
import { nominationKeys } from '../nominations/queries';
import { Agenda, RemoveItemModal, WithdrawnItems } from '../sessions/Agenda';
import { sessionKeys, useSession } from '../sessions/queries';
import { castSecretBallot, type Choice } from '../sessions/secret-ballot';

type Item = Schemas['AgendaItemDto'];
type Session = Schemas['SessionDetailDto'];

const RECEIPTS_KEY = 'tdkt.secretReceipts';
const receipts = (): Record<string, string> => JSON.parse(sessionStorage.getItem(RECEIPTS_KEY) ?? '{}');

/** A council session: agenda, attendance, the member's one ballot sheet, secret items, results and minutes. */
export default function SessionDetailPage() {
  const { id = '' } = useParams();
  const session = useSession(id);
  if (session.error) return <ApiErrorAlert error={session.error} />;
  if (!session.data) return <Skeleton active />;
  return <SessionView s={session.data} />;
}

function SessionView({ s }: { s: Session }) {
  const { me, hasRole } = useAuth();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const [removing, setRemoving] = useState<Item>();
  const myself = s.attendance.members.find((m) => m.userId === me?.username);
  const secretary = hasRole('COUNCIL_SECRETARY');
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
      queryClient.invalidateQueries({ queryKey: nominationKeys.all }),
    ]);
  const run = async (label: string, send: () => Promise<unknown>, done: string) => {
    setBusy(label);
    setError(undefined);
    try {
      await send();
      message.success(done);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const path = { params: { path: { id: s.id } } };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">
          <Link to="/sessions">Phiên họp hội đồng</Link> /
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '4px 0' }}>
          {s.title}
        </Typography.Title>
        <Space wrap>
          <Tag color={s.status === 'OPEN' ? 'processing' : s.status === 'CLOSED' ? 'default' : 'gold'}>
            {SESSION_STATUSES[s.status]}
          </Tag>
          <span>Thời gian họp: {dateTime(s.scheduledAt)}</span>
          {s.openedAt && <span>Khai mạc: {dateTime(s.openedAt)}</span>}
          {s.closedAt && <span>Bế mạc: {dateTime(s.closedAt)}</span>}
        </Space>
      </div>
      <ApiErrorAlert error={error} />

      <Card size="small" title="Thao tác">
        <Space wrap>
          {myself && !myself.present && s.status !== 'CLOSED' && (
            <Button
              type="primary"
              loading={busy === 'checkin'}
              onClick={() =>
                run('checkin', () => call(() => api.POST('/api/council-sessions/{id}/check-in', path)), 'Đã điểm danh')
              }
            >
              Điểm danh có mặt
            </Button>
          )}
          {myself?.present && (
            <Tag icon={<CheckCircleOutlined aria-hidden />} color="success">
              Anh/chị đã điểm danh
            </Tag>
          )}
          {secretary && s.status === 'SCHEDULED' && (
            <Button
              type="primary"
              loading={busy === 'open'}
              onClick={() =>
                run('open', () => call(() => api.POST('/api/council-sessions/{id}/open', path)), 'Đã khai mạc')
              }
            >
              Khai mạc phiên họp
            </Button>
          )}
          {secretary && s.status === 'OPEN' && (
            <Button
              danger
              loading={busy === 'close'}
              onClick={() =>
                Modal.confirm({
                  title: 'Bế mạc phiên họp và kiểm phiếu?',
                  content: 'Sau khi bế mạc không nhận thêm phiếu.',
                  okText: 'Bế mạc',
                  cancelText: 'Hủy',
                  onOk: () =>
                    run(
                      'close',
                      () => call(() => api.POST('/api/council-sessions/{id}/close', path)),
                      'Đã bế mạc, kiểm phiếu',
                    ),
                })
              }
            >
              Bế mạc và kiểm phiếu
            </Button>
          )}
          {s.status === 'CLOSED' && (
            <Button
              icon={<FilePdfOutlined aria-hidden />}
              loading={busy === 'pdf'}
              onClick={() =>
                run(
                  'pdf',
                  async () => {
                    const url = await authorisedBlobUrl(
                      `/api/council-sessions/${encodeURIComponent(s.id)}/minutes.pdf`,
                    );
                    const a = document.createElement('a');
                    a.href = url;
                    a.download = `bien-ban-${s.id}.pdf`;
                    a.click();
                  },
                  'Đã tải biên bản',
                )
              }
            >
              Tải biên bản (PDF)
            </Button>
          )}
        </Space>
      </Card>

      <Card size="small" title={`Điểm danh: ${s.attendance.present}/${s.attendance.total} có mặt`}>
        <Typography.Paragraph type="secondary">
          Cần {s.attendance.required} thành viên có mặt để khai mạc ({percent(s.attendance.quorum)} tổng số;{' '}
          {s.attendance.source}).
        </Typography.Paragraph>
        <Space wrap>
          {s.attendance.members.map((m) => (
            <Tag key={m.userId} color={m.present ? 'green' : 'default'}>
              {m.name}
              {m.ballot ? ' · đã bỏ phiếu' : ''}
            </Tag>
          ))}
        </Space>
      </Card>

      <Agenda s={s} onRemove={secretary && s.status === 'SCHEDULED' ? setRemoving : undefined} />
      {s.withdrawn.length > 0 && <WithdrawnItems s={s} />}
      {removing && <RemoveItemModal s={s} item={removing} onClose={() => setRemoving(undefined)} onDone={refresh} />}

      {s.status === 'OPEN' && myself && (
        <BallotSheet s={s} me={myself.userId} voted={!!myself.ballot} onCast={refresh} />
      )}
    </Space>
  );
}

/** One ballot for the whole agenda (open-ballot items), recusal per item, and the secret items one by one. */
function BallotSheet({
  s,
  me,
  voted,
  onCast,
}: {
  s: Session;
  me: string;
  voted: boolean;
  onCast: () => Promise<unknown>;
}) {
  const [form] = Form.useForm<Record<string, Choice>>();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [recusing, setRecusing] = useState<Item>();
  const mine = (i: Item) => i.status === 'VOTING' && !i.recused.includes(me);
  const open = s.agenda.filter((i) => !i.secretBallot && mine(i));
  const secret = s.agenda.filter((i) => i.secretBallot && mine(i));
  const recused = s.agenda.filter((i) => i.recused.includes(me));

  const cast = async (v: Record<string, Choice>) => {
    setBusy(true);
    setError(undefined);
    try {
      await call(() =>
        api.POST('/api/council-sessions/{id}/ballots', {
          params: { path: { id: s.id } },
          body: { choices: open.map((i) => ({ nominationId: i.nominationId, choice: v[i.nominationId] })) },
        }),
      );
      message.success('Đã gửi phiếu biểu quyết');
      await onCast();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="Phiếu biểu quyết của tôi">
      <ApiErrorAlert error={error} />
      {recused.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`Anh/chị không biểu quyết: ${recused.map((i) => i.nominee).join(', ')}`}
        />
      )}
      {voted ? (
        <Alert type="success" showIcon message="Anh/chị đã gửi phiếu biểu quyết công khai." />
      ) : open.length > 0 ? (
        <Form form={form} layout="vertical" onFinish={cast} name="ballot">
          {open.map((i) => (
            <Form.Item
              key={i.nominationId}
              name={i.nominationId}
              label={`${i.no}. ${i.nominee} — ${i.awardName}`}
              rules={[{ required: true, message: 'Chọn một phương án cho hồ sơ này' }]}
              extra={
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setRecusing(i)}>
                  Rút khỏi biểu quyết hồ sơ này
                </Button>
              }
            >
              <Radio.Group>
                {Object.entries(CHOICES).map(([k, label]) => (
                  <Radio.Button key={k} value={k}>
                    {label}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={busy}>
            Gửi phiếu ({open.length} hồ sơ)
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">
          Không có hồ sơ biểu quyết công khai nào anh/chị được biểu quyết.
        </Typography.Text>
      )}
      {secret.map((i) => (
        <SecretItem key={i.nominationId} s={s} item={i} onRecuse={() => setRecusing(i)} onCast={onCast} />
      ))}
      {recusing && <RecusalModal s={s} item={recusing} onClose={() => setRecusing(undefined)} onDone={onCast} />}
    </Card>
  );
}

function SecretItem({
  s,
  item,
  onRecuse,
  onCast,
}: {
  s: Session;
  item: Item;
  onRecuse: () => void;
  onCast: () => Promise<unknown>;
}) {
  const key = `${s.id}/${item.nominationId}`;
  const [receipt, setReceipt] = useState<string | undefined>(receipts()[key]);
  const [choice, setChoice] = useState<Choice>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const cast = async () => {
    if (!choice) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await castSecretBallot(s.id, item.nominationId, choice);
      sessionStorage.setItem(RECEIPTS_KEY, JSON.stringify({ ...receipts(), [key]: r }));
      setReceipt(r);
      await onCast();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      type="inner"
      size="small"
      style={{ marginTop: 16 }}
      title={
        <span>
          <LockOutlined aria-hidden /> Bỏ phiếu kín: {item.no}. {item.nominee} — {item.awardName}
        </span>
      }
    >
      <ApiErrorAlert error={error} />
      {receipt ? (
        <Alert
          type="success"
          showIcon
          message="Đã bỏ phiếu kín"
          description={
            <span>
              Biên nhận (giữ lại để kiểm tra sau khi bế mạc):{' '}
              <Typography.Text code copyable data-testid="receipt">
                {receipt}
              </Typography.Text>
            </span>
          }
        />
      ) : (
        <Space direction="vertical">
          <Typography.Text type="secondary">
            Phiếu được ký mù rồi gửi không kèm danh tính: hệ thống không biết ai chọn gì.
          </Typography.Text>
          <Radio.Group
            aria-label={`Lựa chọn bỏ phiếu kín cho ${item.nominee}`}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
          >
            {Object.entries(CHOICES).map(([k, label]) => (
              <Radio.Button key={k} value={k}>
                {label}
              </Radio.Button>
            ))}
          </Radio.Group>
          <Space>
            <Button type="primary" disabled={!choice} loading={busy} onClick={cast}>
              Bỏ phiếu kín
            </Button>
            <Button type="link" onClick={onRecuse}>
              Rút khỏi biểu quyết hồ sơ này
            </Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}

function RecusalModal({
  s,
  item,
  onClose,
  onDone,
}: {
  s: Session;
  item: Item;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  return (
    <FormModal<{ reason: string }>
      title={`Rút khỏi biểu quyết: ${item.nominee}`}
      okText="Rút khỏi biểu quyết"
      name="recusal"
      onSubmit={async (v) => {
        await call(() =>
          api.POST('/api/council-sessions/{id}/recusals', {
            params: { path: { id: s.id } },
            body: { nominationId: item.nominationId, reason: v.reason.trim() },
          }),
        );
        await onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Cần lý do' }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

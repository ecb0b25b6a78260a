import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, List, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, authorisedBlobUrl, call, type Schemas } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { FormModal } from '../components/FormModal';
import {
  decisionKeys,
  DECISION_STATUS_COLORS,
  DECISION_STATUSES,
  openDecisionPdf,
  useDecision,
  vnd,
} from '../decisions/queries';
import { NumberRegistrationModal } from '../decisions/NumberRegistrationModal';
import { SignatureModal } from '../decisions/SignatureModal';
import { dateTime } from '../format';
import { NOMINEE_KINDS } from '../labels';
import { nominationKeys } from '../nominations/queries';

type Recipient = Schemas['DecisionRecipientDto'];

/**
 * One decision: its recipients and amounts, the PDF, removal of a recipient (office), signing
 * (Chairman), and the number entered by the document office once signed (numbering "external").
 */
export default function DecisionDetailPage() {
  const { id = '' } = useParams();
  const d = useDecision(id);
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const [signing, setSigning] = useState<'sign' | 'decline'>();
  const [removing, setRemoving] = useState<Recipient>();
  const [numbering, setNumbering] = useState(false);
  const [pdfError, setPdfError] = useState<unknown>();
  if (d.error) return <ApiErrorAlert error={d.error} />;
  if (!d.data) return <Skeleton active />;
  const x = d.data;
  const draft = x.status === 'DRAFT';
  const signed = ['SIGNED', 'ISSUED', 'APPLIED'].includes(x.status);
  const pdf = async () => {
    setPdfError(undefined);
    try {
      await openDecisionPdf(x.id);
    } catch (e) {
      setPdfError(e);
    }
  };
  const certificate = async (r: Recipient) => {
    try {
      const url = await authorisedBlobUrl(
        `/api/decisions/${encodeURIComponent(x.id)}/recipients/${encodeURIComponent(r.nominationId)}/certificate.pdf`,
      );
      window.open(url, '_blank');
    } catch (e) {
      setPdfError(e);
      message.error('Không mở được bằng khen');
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">
          <Link to="/decisions">Quyết định khen thưởng</Link> /
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '4px 0' }}>
          {x.decisionNumber ? `Quyết định số ${x.decisionNumber}` : 'Dự thảo quyết định'}
        </Typography.Title>
        <Tag color={DECISION_STATUS_COLORS[x.status]}>{DECISION_STATUSES[x.status] ?? x.status}</Tag>
      </div>
      <Card size="small" title="Thao tác">
        <Space wrap role="group" aria-label="Thao tác với quyết định">
          <Button onClick={() => void pdf()}>{draft ? 'Xem trước văn bản (PDF)' : 'Xem văn bản (PDF)'}</Button>
          {draft && hasRole('CHAIRMAN') && (
            <>
              <Button type="primary" onClick={() => setSigning('sign')}>
                Ký quyết định
              </Button>
              <Button danger onClick={() => setSigning('decline')}>
                Không ký
              </Button>
            </>
          )}
          {x.status === 'SIGNED' && !x.decisionNumber && hasRole('COUNCIL_SECRETARY') && (
            <Button type="primary" onClick={() => setNumbering(true)}>
              Vào sổ số quyết định
            </Button>
          )}
        </Space>
      </Card>
      <ApiErrorAlert error={pdfError} />
      <Card size="small" title="Quyết định">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="Trích yếu">{x.title}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan ban hành">{x.authorityName}</Descriptions.Item>
          <Descriptions.Item label="Ngày ký">{dateTime(x.signedAt)}</Descriptions.Item>
          <Descriptions.Item label="Người ký">{x.signerName ?? '—'}</Descriptions.Item>
          {x.declineReason && <Descriptions.Item label="Lý do không ký">{x.declineReason}</Descriptions.Item>}
          <Descriptions.Item label="Tổng tiền thưởng">{vnd(x.total)}</Descriptions.Item>
          <Descriptions.Item label="Lương cơ sở">
            {vnd(x.baseSalary.amount)} ({x.baseSalary.source})
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
          Căn cứ
        </Typography.Title>
        <List size="small" dataSource={x.bases} renderItem={(b) => <List.Item>{b}</List.Item>} />
      </Card>
      <Card size="small" title={`Danh sách kèm theo (${x.recipientList.length})`}>
        <Table<Recipient>
          rowKey="nominationId"
          size="small"
          dataSource={x.recipientList}
          scroll={{ x: 800 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: 'TT', dataIndex: 'no', width: 56 },
            {
              title: 'Người/tập thể',
              render: (_, r) => (
                <Link to={`/nominations/${r.nominationId}`}>
                  {r.nomineeName}
                  {r.nomineeKind ? ` (${NOMINEE_KINDS[r.nomineeKind] ?? r.nomineeKind})` : ''}
                </Link>
              ),
            },
            { title: 'Đơn vị', dataIndex: 'unitName' },
            { title: 'Hình thức', dataIndex: 'awardName' },
            { title: 'Tiền thưởng', align: 'right', render: (_, r) => vnd(r.amount) },
            {
              title: 'Thao tác',
              render: (_, r) =>
                draft && hasRole('COUNCIL_SECRETARY') ? (
                  <Button size="small" danger onClick={() => setRemoving(r)}>
                    Đưa ra khỏi dự thảo
                  </Button>
                ) : signed ? (
                  <Button size="small" onClick={() => void certificate(r)}>
                    Bằng khen (PDF)
                  </Button>
                ) : null,
            },
          ]}
        />
        {x.removed.length > 0 && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
              Hồ sơ đã đưa ra khỏi dự thảo
            </Typography.Title>
            <List
              size="small"
              dataSource={x.removed as { nominationId: string; reason: string }[]}
              renderItem={(r) => (
                <List.Item>
                  <Link to={`/nominations/${r.nominationId}`}>{r.nominationId}</Link>: {r.reason}
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
      {signing && <SignatureModal decision={x} mode={signing} onClose={() => setSigning(undefined)} />}
      {numbering && <NumberRegistrationModal decision={x} onClose={() => setNumbering(false)} />}
      {removing && <RemovalModal decisionId={x.id} recipient={removing} onClose={() => setRemoving(undefined)} />}
    </Space>
  );
}

function RemovalModal({
  decisionId,
  recipient,
  onClose,
}: {
  decisionId: string;
  recipient: Recipient;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const submit = async (v: { reason: string }) => {
    await call(() =>
      api.POST('/api/decisions/{id}/recipients/{nominationId}/removal', {
        params: { path: { id: decisionId, nominationId: recipient.nominationId } },
        body: { reason: v.reason.trim() },
      }),
    );
    message.success('Đã đưa hồ sơ ra khỏi dự thảo');
    await queryClient.invalidateQueries({ queryKey: decisionKeys.all });
    await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
  };
  return (
    <FormModal<{ reason: string }>
      title="Đưa hồ sơ ra khỏi dự thảo"
      okText="Đưa ra khỏi dự thảo"
      name="decision-removal"
      danger
      intro={
        <Typography.Paragraph>
          {recipient.nomineeName} — {recipient.awardName}. Hồ sơ trở lại chờ quyết định.
        </Typography.Paragraph>
      }
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Cần lý do' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

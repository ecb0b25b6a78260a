import { ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Col, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { NominationLink } from '../nominations/NominationLink';
import { api, call, type Schemas } from '../api/client';
import { useAuth, type Me } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { LinkButton } from '../components/LinkButton';
import { StatusTag } from '../components/StatusTag';
import { date, dateTime, isOverdue } from '../format';
import { ACTION_LABELS, NOMINEE_KINDS } from '../labels';
import { useNominations } from '../nominations/queries';
import { usePrefetchScreen } from '../prefetch';

type Summary = Schemas['NominationSummaryDto'];

/** What the signed-in person does next with a nomination that awaits them, and where one click takes them. */
export function nextStep(n: Summary, me: Me): { label: string; to: string } {
  const has = (r: string) => me.roles.includes(r);
  const act = (intent: string) => ({ label: ACTION_LABELS[intent], to: `/nominations/${n.id}?action=${intent}` });
  if (n.onHold && has('COUNCIL_SECRETARY')) return act('ReleaseFromHold');
  switch (n.status) {
    case 'DRAFT':
      return act('SubmitNomination');
    case 'RETURNED':
      return has('UNIT_HEAD') ? act('ResubmitNomination') : { label: 'Bổ sung hồ sơ', to: `/nominations/${n.id}/edit` };
    case 'CLUSTER_REVIEW':
      return act('ReviewAtCluster');
    case 'OFFICE_CHECK':
      return act('RecordOfficeCheck');
    case 'COUNCIL_VOTING':
      if (has('COUNCIL_SECRETARY')) return { label: 'Đưa vào phiên họp', to: `/sessions?add=${n.id}` };
      return act('CastCouncilVote');
    case 'AWAITING_SIGNATURE':
      return act('SignAwardDecision');
    default:
      return { label: 'Xem hồ sơ', to: `/nominations/${n.id}` };
  }
}

/** "Việc cần xử lý": the nominations (and council sessions) that wait for the signed-in person. */
export default function InboxPage() {
  usePrefetchScreen('nominationDetail');
  const { me, hasRole } = useAuth();
  const inbox = useNominations({ awaitingMe: true, pageSize: 200 });
  const council = hasRole('COUNCIL_SECRETARY', 'COUNCIL_MEMBER', 'CHAIRMAN');
  const sessions = useQuery({
    queryKey: ['sessions', 'list'],
    queryFn: () => call(() => api.GET('/api/council-sessions')),
    enabled: council,
  });
  if (!me) return null;
  const items = inbox.data?.items ?? [];
  const overdue = items.filter((n) => isOverdue(n.dueAt));
  const byStep = new Map<string, number>();
  for (const n of items) byStep.set(nextStep(n, me).label, (byStep.get(nextStep(n, me).label) ?? 0) + 1);
  const activeSessions = (sessions.data ?? []).filter(
    (s) => s.status === 'OPEN' || (s.status === 'SCHEDULED' && hasRole('COUNCIL_SECRETARY', 'COUNCIL_MEMBER')),
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Việc cần xử lý
      </Typography.Title>
      <ApiErrorAlert error={inbox.error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Hồ sơ chờ tôi" value={inbox.data?.total ?? 0} loading={inbox.isLoading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="Quá hạn"
              value={overdue.length}
              valueStyle={overdue.length ? { color: '#cf1322' } : undefined}
              prefix={<ClockCircleOutlined aria-hidden />}
              loading={inbox.isLoading}
            />
          </Card>
        </Col>
        {[...byStep].map(([label, count]) => (
          <Col xs={12} md={6} key={label}>
            <Card size="small">
              <Statistic title={label} value={count} />
            </Card>
          </Col>
        ))}
      </Row>

      {council && activeSessions.length > 0 && (
        <Card size="small" title="Phiên họp hội đồng">
          <List
            dataSource={activeSessions}
            renderItem={(s) => (
              <List.Item
                actions={[
                  <LinkButton key="go" type="primary" icon={<RightOutlined />} to={`/sessions/${s.id}`}>
                    {s.status === 'OPEN' ? 'Vào phiên họp' : 'Xem phiên họp'}
                  </LinkButton>,
                ]}
              >
                <List.Item.Meta
                  title={s.title}
                  description={`${dateTime(s.scheduledAt)} · ${s.items} hồ sơ · ${s.status === 'OPEN' ? 'đang họp' : 'đã triệu tập'}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}

      {overdue.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`${overdue.length} hồ sơ đã quá hạn xử lý của bước hiện tại`}
          description="Các hồ sơ quá hạn được đánh dấu đỏ bên dưới; hệ thống đã nhắc và báo cấp trên."
        />
      )}

      <Table<Summary>
        rowKey="id"
        loading={inbox.isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        rowClassName={(n) => (isOverdue(n.dueAt) ? 'overdue-row' : '')}
        locale={{ emptyText: <Empty description="Không có việc nào chờ anh/chị" /> }}
        columns={[
          {
            title: 'Người/tập thể được đề nghị',
            render: (_, n) => (
              <Space direction="vertical" size={0}>
                <NominationLink id={n.id}>{n.nomineeName}</NominationLink>
                <Typography.Text type="secondary">
                  {n.nomineeKind ? NOMINEE_KINDS[n.nomineeKind] : ''} · {n.awardName}
                </Typography.Text>
              </Space>
            ),
          },
          { title: 'Trạng thái', render: (_, n) => <StatusTag n={n} /> },
          {
            title: 'Hạn xử lý',
            render: (_, n) =>
              n.dueAt ? (
                isOverdue(n.dueAt) ? (
                  <Badge status="error" text={<Tag color="error">Quá hạn · {date(n.dueAt)}</Tag>} />
                ) : (
                  date(n.dueAt)
                )
              ) : (
                '—'
              ),
          },
          { title: 'Cập nhật', render: (_, n) => dateTime(n.updatedAt) },
          {
            title: 'Việc cần làm',
            render: (_, n) => {
              const step = nextStep(n, me);
              return (
                <LinkButton type="primary" size="small" to={step.to}>
                  {step.label}
                </LinkButton>
              );
            },
          },
        ]}
      />
    </Space>
  );
}

import { Alert, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { StatusTag } from '../components/StatusTag';
import { date, dateTime, isOverdue, percent } from '../format';
import { NOMINEE_KINDS, OUTCOMES } from '../labels';
import { ActionBar } from '../nominations/ActionBar';
import { DossierCard } from '../nominations/DossierCard';
import { useActions, useAuditTrail, useNomination, useReference } from '../nominations/queries';

type AuditEntry = Schemas['AuditEntryDto'];

/** The eligibility explanation recorded when the dossier was drafted or last edited. */
function eligibilityOf(trail: AuditEntry[]): string[] {
  for (const e of [...trail].reverse()) {
    const x = (e.data as { eligibility?: unknown }).eligibility;
    if (Array.isArray(x)) return x.map(String);
  }
  return [];
}

/**
 * False until the first frame with the nomination is painted, true right after: the page shows its heading and the
 * actions at once and renders the dossier, council and history (the costly part: a dozen Ant Design
 * components mounting their styles) in the next task. After a click, React 18 runs effects before the
 * paint, hence a frame and then a timeout.
 */
function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready]);
  return painted;
}

/** One nomination: the dossier, where it stands, the actions allowed now, and every event of its history. */
export default function NominationDetailPage() {
  const { id = '' } = useParams();
  const n = useNomination(id);
  const trail = useAuditTrail(id);
  const actions = useActions(id);
  const { units, campaigns } = useReference();
  const full = useAfterFirstPaint(Boolean(n.data));
  if (n.error) return <ApiErrorAlert error={n.error} />;
  if (!n.data) return <Skeleton active />;
  const d = n.data;
  const unit = units.data?.find((u) => u.id === d.unitId);
  const campaign = campaigns.data?.find((c) => c.id === d.campaignId);
  const eligibility = eligibilityOf(trail.data ?? []);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">
          <Link to="/nominations">Hồ sơ đề nghị</Link> /
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '4px 0' }}>
          {d.nomineeName} — {d.awardName}
        </Typography.Title>
        <StatusTag n={d} />
        {d.decisionNumber && <Tag color="green">Quyết định số {d.decisionNumber}</Tag>}
      </div>

      <Card size="small" title="Thao tác">
        {actions.data ? <ActionBar id={id} allowed={actions.data.allowed} /> : <Skeleton.Button active />}
      </Card>

      {isOverdue(d.dueAt) && (
        <Alert type="error" showIcon message={`Quá hạn xử lý bước hiện tại (hạn ${dateTime(d.dueAt)})`} />
      )}

      {full ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" title="Hồ sơ">
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="Người/tập thể được đề nghị">
                  {d.nomineeName} {d.nomineeKind && <Tag>{NOMINEE_KINDS[d.nomineeKind]}</Tag>}
                </Descriptions.Item>
                <Descriptions.Item label="Mã định danh">{d.nomineeId ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="Hình thức khen thưởng">{d.awardName}</Descriptions.Item>
                <Descriptions.Item label="Đơn vị đề nghị">{unit?.name ?? d.unitId}</Descriptions.Item>
                <Descriptions.Item label="Đợt thi đua">{campaign?.name ?? d.campaignId}</Descriptions.Item>
                <Descriptions.Item label="Khen thưởng đột xuất">{d.oneOff ? 'Có' : 'Không'}</Descriptions.Item>
                <Descriptions.Item label="Vòng xét">{d.round}</Descriptions.Item>
                <Descriptions.Item label="Hạn xử lý">{d.dueAt ? dateTime(d.dueAt) : '—'}</Descriptions.Item>
                <Descriptions.Item label="Ngày lập">{date(d.draftedAt)}</Descriptions.Item>
              </Descriptions>
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
                Thành tích
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.achievements}</Typography.Paragraph>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                Tài liệu kèm theo
              </Typography.Title>
              {d.documents.length ? (
                <List size="small" dataSource={d.documents} renderItem={(doc) => <List.Item>{doc}</List.Item>} />
              ) : (
                <Typography.Text type="secondary">Không có</Typography.Text>
              )}
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
                Đủ điều kiện vì
              </Typography.Title>
              {eligibility.length ? (
                <ul data-testid="eligibility">
                  {eligibility.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              ) : (
                <Typography.Text type="secondary">Chưa có giải thích</Typography.Text>
              )}
            </Card>
            <DossierCard id={id} status={d.status} />
            {(d.council || d.tally) && (
              <Card size="small" title="Hội đồng" style={{ marginTop: 16 }}>
                {d.council && (
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label="Biểu quyết">
                      {d.council.open ? 'Đang lấy ý kiến' : 'Đã kết thúc'}
                    </Descriptions.Item>
                    <Descriptions.Item label="Số phiếu đã bỏ">
                      {d.council.votesCast}/{d.council.members.length}
                    </Descriptions.Item>
                    <Descriptions.Item label="Quy tắc">
                      tham gia ≥ {percent(d.council.policy.quorum)}, đồng ý ≥ {percent(d.council.policy.threshold)} tổng
                      số thành viên{d.council.policy.secretBallot ? ', bỏ phiếu kín' : ''}
                    </Descriptions.Item>
                  </Descriptions>
                )}
                {d.tally && (
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label="Kết quả">
                      {d.councilOutcome ? (OUTCOMES[d.councilOutcome] ?? d.councilOutcome) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label="Đồng ý / không đồng ý / không biểu quyết / rút">
                      {d.tally.approve} / {d.tally.reject} / {d.tally.abstain} / {d.tally.recused} (trên{' '}
                      {d.tally.members})
                    </Descriptions.Item>
                  </Descriptions>
                )}
              </Card>
            )}
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title="Diễn biến hồ sơ">
              <ApiErrorAlert error={trail.error} />
              {trail.data?.length ? (
                <Timeline
                  items={trail.data.map((e) => ({
                    key: e.eventId,
                    children: (
                      <div data-testid="timeline-entry">
                        <Typography.Text strong>{e.summary}</Typography.Text>
                        <br />
                        <Typography.Text type="secondary">
                          {dateTime(e.occurredAt ?? e.recordedAt)} · {e.actorName ?? e.actorId ?? 'Hệ thống'}
                          {e.actorRoleLabel ? ` (${e.actorRoleLabel}` : ''}
                          {e.actorUnitName ? `, ${e.actorUnitName}` : ''}
                          {e.actorRoleLabel ? ')' : ''}
                        </Typography.Text>
                        {(e.reason || e.comment) && (
                          <Typography.Paragraph style={{ margin: 0 }}>“{e.reason ?? e.comment}”</Typography.Paragraph>
                        )}
                      </div>
                    ),
                  }))}
                />
              ) : (
                <Empty description="Chưa có sự kiện" />
              )}
            </Card>
          </Col>
        </Row>
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </Space>
  );
}

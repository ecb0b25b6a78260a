/** A council session's agenda: its items with the rule and results, the secretary's removals, the items withdrawn at opening. */
import { LockOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { NominationLink } from '../nominations/NominationLink';
import { api, call, type Schemas } from '../api/client';
import { FormModal } from '../components/FormModal';
import { dateTime, percent } from '../format';
import { OUTCOMES } from '../labels';

type Item = Schemas['AgendaItemDto'];
type Session = Schemas['SessionDetailDto'];
type Withdrawn = Schemas['WithdrawnItemDto'];

/** The agenda; before the opening the secretary may take an item off it (`onRemove`). */
export function Agenda({ s, onRemove }: { s: Session; onRemove?: (item: Item) => void }) {
  return (
    <Card size="small" title="Chương trình và kết quả">
      <Table<Item>
        rowKey="nominationId"
        dataSource={s.agenda}
        pagination={false}
        scroll={{ x: 700 }}
        columns={[
          { title: 'STT', dataIndex: 'no', width: 56 },
          {
            title: 'Hồ sơ',
            render: (_, i) => (
              <Space direction="vertical" size={0}>
                <NominationLink id={i.nominationId}>{i.nominee}</NominationLink>
                <Typography.Text type="secondary">{i.awardName}</Typography.Text>
              </Space>
            ),
          },
          {
            title: 'Quy tắc',
            render: (_, i) => (
              <span>
                tham gia ≥ {percent(i.rule.quorum)}, đồng ý ≥ {percent(i.rule.threshold)}
                {i.secretBallot && (
                  <Tag icon={<LockOutlined aria-hidden />} color="purple" style={{ marginInlineStart: 4 }}>
                    Bỏ phiếu kín
                  </Tag>
                )}
              </span>
            ),
          },
          {
            title: 'Kết quả',
            render: (_, i) =>
              i.tally ? (
                <Space direction="vertical" size={0} data-testid={`result-${i.nominationId}`}>
                  <Tag color={i.outcome === 'APPROVED' ? 'success' : 'error'}>
                    {OUTCOMES[i.outcome ?? ''] ?? i.outcome}
                  </Tag>
                  <span>
                    Đồng ý {i.tally.approve} · Không đồng ý {i.tally.reject} · Không biểu quyết {i.tally.abstain} · Rút{' '}
                    {i.tally.recused}
                  </span>
                  {i.secret && (
                    <Typography.Text type="secondary">
                      Chữ ký mù đã cấp {i.secret.issued}, phiếu kín {i.secret.cast}
                    </Typography.Text>
                  )}
                </Space>
              ) : i.secretBallot && s.status === 'OPEN' ? (
                `Đã cấp ${i.signaturesIssued ?? 0} chữ ký mù`
              ) : (
                '—'
              ),
          },
          ...(onRemove
            ? [
                {
                  title: 'Thao tác',
                  render: (_: unknown, i: Item) => (
                    <Button
                      size="small"
                      danger
                      onClick={() => onRemove(i)}
                      aria-label={`Rút ${i.nominee} khỏi chương trình`}
                    >
                      Rút khỏi chương trình
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Items taken off the agenda at the opening because they were no longer eligible, with why. */
export function WithdrawnItems({ s }: { s: Session }) {
  return (
    <Card size="small" title="Hồ sơ rút khỏi chương trình khi khai mạc">
      <Typography.Paragraph type="secondary">
        Lịch sử khen thưởng đã thay đổi sau khi hồ sơ được đưa vào chương trình: hồ sơ không còn đủ điều kiện nên không
        được biểu quyết tại phiên họp này.
      </Typography.Paragraph>
      <Table<Withdrawn>
        rowKey="nominationId"
        size="small"
        dataSource={s.withdrawn}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          {
            title: 'Hồ sơ',
            render: (_, w) => (
              <Space direction="vertical" size={0}>
                <NominationLink id={w.nominationId}>{w.nominee}</NominationLink>
                <Typography.Text type="secondary">{w.awardName}</Typography.Text>
              </Space>
            ),
          },
          { title: 'Lý do', render: (_, w) => <span data-testid={`withdrawn-${w.nominationId}`}>{w.reason}</span> },
          { title: 'Thời điểm', render: (_, w) => dateTime(w.at) },
        ]}
      />
    </Card>
  );
}

/** The secretary takes an item off the agenda before the opening: it goes back to awaiting a session. */
export function RemoveItemModal({
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
  const { message } = App.useApp();
  return (
    <FormModal<object>
      title={`Rút khỏi chương trình: ${item.nominee}`}
      okText="Rút khỏi chương trình"
      name="remove-agenda-item"
      danger
      intro={
        <Typography.Paragraph>
          Hồ sơ {item.nominee} — {item.awardName} sẽ không được xét tại phiên họp này và trở lại danh sách chờ đưa vào
          phiên họp của Hội đồng.
        </Typography.Paragraph>
      }
      onSubmit={async () => {
        await call(() =>
          api.POST('/api/council-sessions/{id}/agenda', {
            params: { path: { id: s.id } },
            body: { remove: [item.nominationId] },
          }),
        );
        message.success(`Đã rút ${item.nominee} khỏi chương trình`);
        await onDone();
      }}
      onClose={onClose}
    >
      {null}
    </FormModal>
  );
}

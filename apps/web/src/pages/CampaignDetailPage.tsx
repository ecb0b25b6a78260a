import { Card, Descriptions, Empty, List, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { Schemas } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { CampaignActions } from '../campaigns/CampaignActions';
import { CAMPAIGN_STATUS_COLORS, useCampaign, useRegistrations } from '../campaigns/queries';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { date, dateTime } from '../format';
import { useReference, type AwardEntry } from '../nominations/queries';

type Registration = Schemas['RegistrationDto'];

/**
 * One emulation campaign (đợt thi đua): its stage, period, launch document, criteria and awards;
 * the actions the reader may take at this stage; the units registered (with their commitments and
 * target titles) and those not yet registered, within the reader's scope.
 */
export default function CampaignDetailPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const campaign = useCampaign(id);
  const registrations = useRegistrations(id);
  const { catalog } = useReference();
  const awardName = (code: string) =>
    (catalog.data?.awards as unknown as AwardEntry[] | undefined)?.find((a) => a.code === code)?.name ?? code;
  if (campaign.error) return <ApiErrorAlert error={campaign.error} />;
  if (!campaign.data) return <Skeleton active />;
  const c = campaign.data;
  const r = registrations.data;
  const mine = !!me?.unitId && !!r?.registered.some((x) => x.unitId === me.unitId);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">
          <Link to="/campaigns">Đợt thi đua</Link> /
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '4px 0' }}>
          {c.name}
        </Typography.Title>
        <Space>
          <Tag color={CAMPAIGN_STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>
          <span>
            {c.kindLabel} · năm {c.year}
          </span>
        </Space>
      </div>
      <Card size="small" title="Thao tác">
        <CampaignActions campaign={c} registered={mine} />
      </Card>
      <Card size="small" title="Thông tin đợt thi đua">
        <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" bordered>
          <Descriptions.Item label="Thời gian">
            {date(c.period.start)} – {date(c.period.end)}
          </Descriptions.Item>
          <Descriptions.Item label="Hạn nộp hồ sơ">{dateTime(c.submissionDeadline)}</Descriptions.Item>
          <Descriptions.Item label="Văn bản phát động">
            {c.launchDocument ? `Số ${c.launchDocument.number} ngày ${date(c.launchDocument.date)}` : 'Chưa phát động'}
          </Descriptions.Item>
          <Descriptions.Item label="Mở nhận hồ sơ">{dateTime(c.nominationsOpenedAt)}</Descriptions.Item>
          <Descriptions.Item label="Kết thúc">{dateTime(c.closedAt)}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị đã đăng ký">{c.registrations}</Descriptions.Item>
          <Descriptions.Item label="Nội dung, tiêu chí" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.criteria}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="Hình thức khen thưởng" span={2}>
            {c.awardCodes.map((code) => (
              <Tag key={code}>{awardName(code)}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={`Đơn vị đã đăng ký thi đua (${r?.registered.length ?? 0})`}>
        <ApiErrorAlert error={registrations.error} />
        <Table<Registration>
          rowKey="unitId"
          size="small"
          loading={registrations.isFetching}
          dataSource={r?.registered ?? []}
          scroll={{ x: 700 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="Chưa có đơn vị nào đăng ký" /> }}
          columns={[
            { title: 'Đơn vị', dataIndex: 'unitName' },
            { title: 'Cam kết, chỉ tiêu', dataIndex: 'commitment' },
            {
              title: 'Danh hiệu phấn đấu',
              render: (_, x) => x.targetAwardCodes.map((code) => <Tag key={code}>{awardName(code)}</Tag>),
            },
            { title: 'Ngày đăng ký', render: (_, x) => dateTime(x.registeredAt), width: 150 },
          ]}
        />
      </Card>
      {r && r.notRegistered.length > 0 && (
        <Card size="small" title={`Đơn vị chưa đăng ký (${r.notRegistered.length})`}>
          <List size="small" dataSource={r.notRegistered} renderItem={(u) => <List.Item>{u.unitName}</List.Item>} />
        </Card>
      )}
    </Space>
  );
}

import { Button, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { openDecisionPdf, useDecisions } from '../decisions/queries';
import { SignatureModal } from '../decisions/SignatureModal';
import { date } from '../format';

type Decision = Schemas['DecisionSummaryDto'];

/** The Chairman's signing desk: the drafts waiting, each opened as PDF, signed or declined. */
export default function SigningDeskPage() {
  const drafts = useDecisions('DRAFT');
  const [acting, setActing] = useState<{ d: Decision; mode: 'sign' | 'decline' }>();
  const [error, setError] = useState<unknown>();
  const open = async (id: string) => {
    setError(undefined);
    try {
      await openDecisionPdf(id);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Ký quyết định
      </Typography.Title>
      <ApiErrorAlert error={drafts.error ?? error} />
      <List<Decision>
        bordered
        loading={drafts.isFetching}
        dataSource={drafts.data ?? []}
        locale={{ emptyText: <Empty description="Không có quyết định nào chờ ký" /> }}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button key="pdf" onClick={() => void open(d.id)}>
                Xem văn bản (PDF)
              </Button>,
              <Button key="sign" type="primary" onClick={() => setActing({ d, mode: 'sign' })}>
                Ký
              </Button>,
              <Button key="decline" danger onClick={() => setActing({ d, mode: 'decline' })}>
                Không ký
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/decisions/${encodeURIComponent(d.id)}`}>{d.title}</Link>}
              description={`${d.recipients} người/tập thể · lập ngày ${date(d.draftedAt)}`}
            />
          </List.Item>
        )}
      />
      {acting && <SignatureModal decision={acting.d} mode={acting.mode} onClose={() => setActing(undefined)} />}
    </Space>
  );
}

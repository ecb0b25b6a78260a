import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { api, call } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { dateTime } from '../format';
import { ROLE_LABELS } from '../labels';

/**
 * The audit view. Public: the authority's signed checkpoints of the tamper-evident event log and its
 * public key (anyone can hold the authority to what it signed). The inspector also sees who read
 * personal data. Each nomination's own timeline is on its page.
 */
export default function AuditPage() {
  const { hasRole } = useAuth();
  const latest = useQuery({
    queryKey: ['audit', 'latest'],
    queryFn: () => call(() => api.GET('/api/audit/checkpoints/latest')),
  });
  const key = useQuery({ queryKey: ['audit', 'key'], queryFn: () => call(() => api.GET('/api/audit/public-key')) });
  const checkpoints = useQuery({
    queryKey: ['audit', 'checkpoints'],
    queryFn: () => call(() => api.GET('/api/audit/checkpoints')),
  });
  const inspector = hasRole('AUDITOR');
  const reads = useQuery({
    queryKey: ['audit', 'access-log'],
    queryFn: () => call(() => api.GET('/api/audit/access-log', { params: { query: { pageSize: 50 } } })),
    enabled: inspector,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Nhật ký kiểm toán
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Mọi thay đổi là một sự kiện trong nhật ký chỉ ghi thêm; cơ quan ký định kỳ gốc Merkle của nhật ký (điểm chốt)
        bằng khóa Ed25519 dưới đây. Ai cũng kiểm tra được rằng nhật ký không bị sửa hay xóa.
      </Typography.Paragraph>
      <ApiErrorAlert error={latest.error ?? key.error} />
      <Card size="small" title="Điểm chốt mới nhất">
        {latest.data && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="Số sự kiện">{latest.data.treeSize}</Descriptions.Item>
            <Descriptions.Item label="Gốc Merkle (SHA-256)">
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {latest.data.rootHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="Thời điểm ký">{dateTime(latest.data.issuedAt)}</Descriptions.Item>
            <Descriptions.Item label="Khóa ký">{latest.data.keyId}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card size="small" title="Khóa công khai của cơ quan">
        {key.data && (
          <>
            <Tag>{key.data.algorithm}</Tag> <Tag>{key.data.keyId}</Tag>
            <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', marginTop: 8 }}>{key.data.publicKeyPem}</pre>
          </>
        )}
      </Card>
      <Card size="small" title="Các điểm chốt">
        <Table
          rowKey="treeSize"
          size="small"
          dataSource={checkpoints.data ?? []}
          pagination={{ pageSize: 10 }}
          scroll={{ x: 600 }}
          columns={[
            { title: 'Số sự kiện', dataIndex: 'treeSize' },
            { title: 'Thời điểm ký', render: (_, c) => dateTime(c.issuedAt) },
            {
              title: 'Gốc Merkle',
              render: (_, c) => <Typography.Text code>{c.rootHash.slice(0, 16)}…</Typography.Text>,
            },
          ]}
        />
      </Card>
      {inspector && (
        <Card size="small" title="Ai đã xem dữ liệu cá nhân">
          <ApiErrorAlert error={reads.error} />
          <Table
            rowKey="position"
            size="small"
            loading={reads.isLoading}
            dataSource={reads.data?.items ?? []}
            scroll={{ x: 700 }}
            columns={[
              { title: 'Thời điểm', render: (_, r) => dateTime(r.readAt) },
              { title: 'Người xem', dataIndex: 'actorId' },
              { title: 'Vai trò', render: (_, r) => r.actorRoles.map((x) => ROLE_LABELS[x] ?? x).join(', ') },
              { title: 'Yêu cầu', dataIndex: 'route' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

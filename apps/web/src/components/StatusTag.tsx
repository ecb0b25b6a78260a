import { PauseCircleOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import { HOLD_MATTERS, STATUS_COLORS, STATUS_LABELS } from '../labels';

/** The status of a nomination, and its hold (with the matter) when on hold. */
export function StatusTag({ n }: { n: { status: string; onHold: boolean; holdMatter?: string | null } }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[n.status]}>{STATUS_LABELS[n.status] ?? n.status}</Tag>
      {n.onHold && (
        <Tag color="red" icon={<PauseCircleOutlined aria-hidden />}>
          Tạm dừng{n.holdMatter ? `: ${HOLD_MATTERS[n.holdMatter] ?? n.holdMatter}` : ''}
        </Tag>
      )}
    </Space>
  );
}

import { Table, Tag } from 'antd';
import type { Schemas } from '../api/client';
import { date } from '../format';

type HistoryEntry = Schemas['HistoryEntryDto'];

/** The awards a person or a collective (sub-unit) received: year, award, decision, authority. */
export function AwardHistoryTable({ awards }: { awards: HistoryEntry[] }) {
  return (
    <Table<HistoryEntry>
      rowKey="recordId"
      size="small"
      dataSource={awards}
      scroll={{ x: 640 }}
      pagination={false}
      locale={{ emptyText: 'Chưa có khen thưởng' }}
      columns={[
        { title: 'Năm', dataIndex: 'year', width: 80 },
        {
          title: 'Hình thức',
          render: (_, a) => (
            <>
              {a.awardName ?? a.awardCode} {a.oneOff && <Tag>Đột xuất</Tag>}
              {a.revoked && <Tag color="red">Đã hủy bỏ</Tag>}
            </>
          ),
        },
        { title: 'Số quyết định', render: (_, a) => a.decisionNumber ?? '—' },
        { title: 'Ngày quyết định', render: (_, a) => date(a.decisionDate) },
        { title: 'Cơ quan quyết định', render: (_, a) => a.authority ?? '—' },
      ]}
    />
  );
}

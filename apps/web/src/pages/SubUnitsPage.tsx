import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { FormModal } from '../components/FormModal';
import { date } from '../format';
import { useReference } from '../nominations/queries';
import {
  asActor,
  mayRegisterSubUnit,
  readablePersonUnits,
  SUB_UNIT_KIND_LABELS,
  SUB_UNIT_KINDS,
  subUnitKeys,
} from '../people/sub-units';

type SubUnit = Schemas['SubUnitDto'];

/** A unit's sub-units (phòng, tổ, khoa…), collectives of their own: listed, registered, each opening its award history. */
export default function SubUnitsPage() {
  const { me } = useAuth();
  const { units } = useReference();
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const actor = me ? asActor(me) : undefined;
  const readable = readablePersonUnits(actor, units.data ?? []);
  const options = (units.data ?? []).filter((u) => readable === 'all' || readable.includes(u.id));
  const unitId = params.get('unit') ?? me?.unitId ?? options[0]?.id;
  const list = useQuery({
    queryKey: subUnitKeys.list(unitId ?? ''),
    queryFn: () => call(() => api.GET('/api/units/{unitId}/sub-units', { params: { path: { unitId: unitId! } } })),
    enabled: !!unitId,
  });
  const unitName = options.find((u) => u.id === unitId)?.name ?? unitId;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Bộ phận trực thuộc
        </Typography.Title>
        {actor && unitId && mayRegisterSubUnit(actor, unitId) && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRegistering(true)}>
            Khai báo bộ phận
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Phòng, tổ, khoa… của đơn vị là tập thể được đề nghị khen thưởng riêng và có quá trình khen thưởng riêng.
      </Typography.Paragraph>
      {options.length > 1 && (
        <Card size="small">
          <label htmlFor="sub-units-unit" style={{ display: 'block', marginBottom: 4 }}>
            Đơn vị
          </label>
          <Select
            id="sub-units-unit"
            style={{ width: '100%', maxWidth: 480 }}
            value={unitId}
            showSearch
            optionFilterProp="label"
            options={options.map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v: string) => setParams({ unit: v }, { replace: true })}
          />
        </Card>
      )}
      <ApiErrorAlert error={units.error ?? list.error} />
      <Table<SubUnit>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 560 }}
        pagination={false}
        caption={unitName ? `Bộ phận trực thuộc của ${unitName}` : undefined}
        locale={{ emptyText: 'Đơn vị chưa khai báo bộ phận nào' }}
        columns={[
          {
            title: 'Tên bộ phận',
            render: (_, s) => <Link to={`/sub-units/${encodeURIComponent(s.id)}`}>{s.name}</Link>,
          },
          { title: 'Loại', dataIndex: 'subUnitKindLabel' },
          { title: 'Mã tập thể', dataIndex: 'id' },
          { title: 'Ngày khai báo', render: (_, s) => date(s.registeredAt) },
        ]}
      />
      {registering && unitId && (
        <RegisterSubUnitModal unitId={unitId} unitName={unitName ?? unitId} onClose={() => setRegistering(false)} />
      )}
    </Space>
  );
}

function RegisterSubUnitModal({
  unitId,
  unitName,
  onClose,
}: {
  unitId: string;
  unitName: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return (
    <FormModal<{ name: string; kind: (typeof SUB_UNIT_KINDS)[number] }>
      title="Khai báo bộ phận trực thuộc"
      okText="Khai báo"
      name="register-sub-unit"
      intro={<Typography.Paragraph type="secondary">Đơn vị: {unitName}</Typography.Paragraph>}
      onSubmit={async (v) => {
        const added = await call(() =>
          api.POST('/api/units/{unitId}/sub-units', {
            params: { path: { unitId } },
            body: { name: v.name.trim(), kind: v.kind },
          }),
        );
        message.success(`Đã khai báo ${added.name} (mã ${added.id})`);
        await queryClient.invalidateQueries({ queryKey: subUnitKeys.list(unitId) });
      }}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label="Tên bộ phận"
        rules={[{ required: true, whitespace: true, message: 'Cần tên bộ phận (phòng, tổ, khoa…)' }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="kind" label="Loại bộ phận" rules={[{ required: true, message: 'Chọn loại bộ phận' }]}>
        <Select options={SUB_UNIT_KINDS.map((k) => ({ value: k, label: SUB_UNIT_KIND_LABELS[k] }))} />
      </Form.Item>
    </FormModal>
  );
}

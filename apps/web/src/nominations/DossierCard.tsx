import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, List, Select, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { dossier } from '../../../../config/award-catalog.json';
import { api, authorisedBlobUrl, call } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useFormSubmit } from '../components/useFormSubmit';
import { dateTime } from '../format';
import { nominationKeys, useDocuments } from './queries';

/** The dossier's document types, from the award catalog (one source with the API's check). */
export const DOCUMENT_TYPES: { code: string; name: string }[] = dossier.documentTypes;

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString('vi-VN')} KB`;

/**
 * The documents of a nomination: the required parts and those still missing, every file sent (the
 * replaced ones too), and the upload (unit officer or head, while drafting or returned).
 */
export function DossierCard({ id, status }: { id: string; status: string }) {
  const view = useDocuments(id);
  const { hasRole } = useAuth();
  const [error, setError] = useState<unknown>();
  const canUpload = hasRole('UNIT_OFFICER', 'UNIT_HEAD') && ['DRAFT', 'RETURNED'].includes(status);
  const download = async (hash: string, fileName: string) => {
    setError(undefined);
    try {
      const url = await authorisedBlobUrl(
        `/api/nominations/${encodeURIComponent(id)}/documents/${encodeURIComponent(hash)}`,
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
    } catch (e) {
      setError(e);
    }
  };
  const d = view.data;
  return (
    <Card size="small" title="Tài liệu của hồ sơ" style={{ marginTop: 16 }}>
      <ApiErrorAlert error={view.error ?? error} />
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            <Typography.Text strong>Thành phần bắt buộc: </Typography.Text>
            <Space size={4} wrap>
              {d.required.map((r) => (
                <Tag key={r.code} color={d.missing.includes(r.code) ? 'red' : 'green'}>
                  {r.name}
                  {d.missing.includes(r.code) ? ' (còn thiếu)' : ''}
                </Tag>
              ))}
            </Space>
          </div>
          <List
            size="small"
            dataSource={d.documents}
            locale={{ emptyText: 'Chưa có tài liệu' }}
            renderItem={(doc) => (
              <List.Item
                actions={[
                  <Button key="get" size="small" onClick={() => void download(doc.hash, doc.fileName)}>
                    Tải về
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <>
                      {doc.typeName}: {doc.fileName} {!doc.current && <Tag>Đã được thay</Tag>}
                    </>
                  }
                  description={`${kb(doc.size)} · ${dateTime(doc.addedAt)} · ${doc.addedBy}`}
                />
              </List.Item>
            )}
          />
          {canUpload && <UploadForm id={id} />}
        </Space>
      )}
    </Card>
  );
}

function UploadForm({ id }: { id: string }) {
  const [form] = Form.useForm<{ documentType: string; file: UploadFile[] }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { submit, busy, error } = useFormSubmit(form, async (v) => {
    const file = v.file[0]?.originFileObj;
    if (!file) return;
    const body = new FormData();
    body.append('documentType', v.documentType);
    body.append('file', file, file.name);
    const added = await call(() =>
      api.POST('/api/nominations/{id}/documents', {
        params: { path: { id } },
        body: body as never,
        bodySerializer: (b: unknown) => b as FormData,
      }),
    );
    message.success(added.added ? 'Đã bổ sung tài liệu' : 'Tài liệu này đã có trong hồ sơ');
    form.resetFields();
    await queryClient.invalidateQueries({ queryKey: nominationKeys.detail(id) });
  });
  return (
    <Form form={form} layout="vertical" name="document-upload" onFinish={(v) => void submit(v)}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        Bổ sung tài liệu
      </Typography.Title>
      <ApiErrorAlert error={error} />
      <Form.Item name="documentType" label="Loại tài liệu" rules={[{ required: true, message: 'Chọn loại tài liệu' }]}>
        <Select options={DOCUMENT_TYPES.map((t) => ({ value: t.code, label: t.name }))} />
      </Form.Item>
      <Form.Item
        name="file"
        label="Tệp (PDF, DOCX, JPEG hoặc PNG)"
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
        rules={[{ required: true, message: 'Chọn tệp' }]}
      >
        <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.docx,.jpg,.jpeg,.png">
          <Button icon={<UploadOutlined aria-hidden />}>Chọn tệp</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        Tải lên
      </Button>
    </Form>
  );
}

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Space, Table, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, call, type Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { download } from '../components/download';

type Result = Schemas['ImportResultDto'];
type RowError = Schemas['ImportRowErrorDto'];

/**
 * Importing award history from the .xlsx template: check first (dry run, every faulty row listed),
 * then import — all rows or none; the same file again adds nothing.
 */
export default function PeopleImportPage() {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [result, setResult] = useState<Result>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<'check' | 'import'>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const file = files[0]?.originFileObj;

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(undefined);
    setResult(undefined);
    const body = new FormData();
    body.append('file', file, file.name);
    try {
      const r = await call(() =>
        api.POST('/api/imports/award-history', {
          params: { query: { dryRun: dryRun ? 'true' : 'false' } },
          body: body as never,
        }),
      );
      setResult(r);
      if (!dryRun && r.errors.length === 0) {
        message.success(`Đã nhập ${r.imported} dòng`);
        await queryClient.invalidateQueries({ queryKey: ['people'] });
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const template = async () => {
    setError(undefined);
    try {
      await download('/api/imports/award-history/template.xlsx', 'mau-qua-trinh-khen-thuong.xlsx');
    } catch (e) {
      setError(e);
    }
  };
  // A dry run lists faulty rows in its answer; an import refused for them (400 IMPORT_ROWS) names them as fields.
  const rowErrors: RowError[] =
    result?.errors ??
    (error instanceof ApiError
      ? (error.body.errors ?? []).flatMap((f) => {
          const m = /^rows\[(\d+)\](?:\.(.+))?$/.exec(f.field);
          return m ? f.reasons.map((reason) => ({ row: Number(m[1]), field: m[2], reason })) : [];
        })
      : []);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <div>
        <Typography.Text type="secondary">
          <Link to="/people">Nhân sự</Link> /
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '4px 0' }}>
          Nhập quá trình khen thưởng từ tệp Excel
        </Typography.Title>
      </div>
      <Card size="small">
        <Typography.Paragraph>
          Điền theo mẫu (tiêu đề tiếng Việt, danh mục mã trong tệp mẫu). Kiểm tra trước: nếu một dòng sai thì không dòng
          nào được nhập, mọi dòng sai được liệt kê. Nhập lại cùng tệp không thêm gì.
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void template()}>
          Tải tệp mẫu (.xlsx)
        </Button>
      </Card>
      <Card size="small">
        <Form layout="vertical" name="award-history-import">
          <Form.Item label="Tệp .xlsx" required>
            <Upload
              accept=".xlsx"
              maxCount={1}
              fileList={files}
              beforeUpload={() => false}
              onChange={(e) => {
                setFiles(e.fileList.slice(-1));
                setResult(undefined);
                setError(undefined);
              }}
            >
              <Button icon={<UploadOutlined aria-hidden />}>Chọn tệp</Button>
            </Upload>
          </Form.Item>
          <Space wrap>
            <Button disabled={!file} loading={busy === 'check'} onClick={() => void send(true)}>
              Kiểm tra (chưa nhập)
            </Button>
            <Button
              type="primary"
              disabled={!file || !result?.dryRun || result.errors.length > 0}
              loading={busy === 'import'}
              onClick={() => void send(false)}
            >
              Nhập
            </Button>
          </Space>
        </Form>
      </Card>
      <ApiErrorAlert error={error} />
      {result && (
        <Alert
          role="status"
          showIcon
          type={result.errors.length ? 'error' : 'success'}
          message={
            result.errors.length
              ? `Tệp có ${result.errors.length} lỗi: không dòng nào được nhập. Sửa các dòng dưới đây rồi kiểm tra lại.`
              : result.dryRun
                ? `Tệp hợp lệ: ${result.rows} dòng, ${result.alreadyRecorded} dòng đã có. Nhấn "Nhập" để ghi.`
                : `Đã nhập ${result.imported} dòng (${result.alreadyRecorded} dòng đã có từ trước).`
          }
        />
      )}
      {rowErrors.length > 0 && (
        <Table<RowError>
          rowKey={(e, i) => `${e.row}-${e.field ?? ''}-${i}`}
          size="small"
          dataSource={rowErrors}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: 'Dòng', dataIndex: 'row', width: 80 },
            { title: 'Cột', render: (_, e) => e.field ?? '—' },
            { title: 'Lỗi', dataIndex: 'reason' },
          ]}
        />
      )}
    </Space>
  );
}

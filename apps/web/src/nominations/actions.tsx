/**
 * The forms of the actions on a nomination, one per API intent: which endpoint, which fields.
 * Fields are validated as the API validates them (required reasons, enumerations); what the API
 * still refuses comes back as its Vietnamese message, beside the field it names.
 */
import { Checkbox, Form, Input, Radio, Select } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../api/client';
import { CHOICES, HOLD_MATTERS, REVOCATION_GROUNDS } from '../labels';
import { DOCUMENT_TYPES } from './DossierCard';

type Values = Record<string, unknown>;
type Sent = Promise<{ data?: unknown; error?: unknown; response: Response }>;

export interface ActionForm {
  fields: ReactNode;
  initial?: Values;
  send(id: string, v: Values): Sent;
  danger?: boolean;
  /** Shown above the fields. */
  note?: string;
}

const comment = (label = 'Ghi chú', required = false) => (
  <Form.Item
    name="comment"
    label={label}
    rules={required ? [{ required: true, whitespace: true, message: `Cần ${label.toLowerCase()}` }] : []}
  >
    <Input.TextArea rows={3} maxLength={2000} showCount />
  </Form.Item>
);

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const path = (id: string) => ({ params: { path: { id } } });

export const ACTION_FORMS: Record<string, ActionForm> = {
  SubmitNomination: {
    fields: (
      <>
        {comment()}
        <Form.Item name="oneOff" valuePropName="checked">
          <Checkbox>Khen thưởng đột xuất (nhận sau hạn của đợt, không qua cụm thi đua)</Checkbox>
        </Form.Item>
      </>
    ),
    send: (id, v) =>
      api.POST('/api/nominations/{id}/submit', {
        ...path(id),
        body: { comment: str(v.comment), oneOff: v.oneOff ? true : undefined },
      }),
  },
  ResubmitNomination: {
    fields: comment('Nội dung đã bổ sung'),
    send: (id, v) => api.POST('/api/nominations/{id}/submit', { ...path(id), body: { comment: str(v.comment) } }),
  },
  ReviewAtCluster: {
    fields: (
      <>
        <Form.Item name="decision" label="Ý kiến của cụm" rules={[{ required: true, message: 'Chọn ý kiến' }]}>
          <Radio.Group>
            <Radio value="endorse">Đồng ý đề nghị</Radio>
            <Radio value="return">Trả lại để bổ sung</Radio>
            <Radio value="reject">Không đề nghị</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item noStyle dependencies={['decision']}>
          {({ getFieldValue }) =>
            comment('Lý do', getFieldValue('decision') !== 'endorse' && !!getFieldValue('decision'))
          }
        </Form.Item>
      </>
    ),
    send: (id, v) =>
      api.POST('/api/nominations/{id}/cluster-review', {
        ...path(id),
        body: { decision: v.decision as 'endorse' | 'return' | 'reject', comment: str(v.comment) },
      }),
  },
  RecordOfficeCheck: {
    note: 'Thẩm định hồ sơ: đầy đủ thì trình Hội đồng; chưa đầy đủ thì trả lại đơn vị, nêu thành phần còn thiếu.',
    fields: (
      <>
        <Form.Item name="result" label="Kết quả thẩm định" rules={[{ required: true, message: 'Chọn kết quả' }]}>
          <Radio.Group>
            <Radio value="complete">Hồ sơ đầy đủ</Radio>
            <Radio value="incomplete">Chưa đầy đủ, trả lại</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item noStyle dependencies={['result']}>
          {({ getFieldValue }) =>
            getFieldValue('result') === 'incomplete' && (
              <Form.Item
                name="missing"
                label="Thành phần còn thiếu"
                extra="Chọn trong danh mục hoặc gõ mô tả rồi nhấn Enter."
                rules={[{ required: true, message: 'Nêu thành phần còn thiếu' }]}
              >
                <Select mode="tags" options={DOCUMENT_TYPES.map((t) => ({ value: t.code, label: t.name }))} />
              </Form.Item>
            )
          }
        </Form.Item>
        {comment()}
      </>
    ),
    send: (id, v) =>
      api.POST('/api/nominations/{id}/office-check', {
        ...path(id),
        body: {
          result: v.result as 'complete' | 'incomplete',
          ...(v.result === 'incomplete' ? { missing: (v.missing as string[] | undefined) ?? [] } : {}),
          comment: str(v.comment),
        },
      }),
  },
  OpenCouncilVoting: {
    note: 'Lấy ý kiến thành viên hội đồng bằng văn bản, ngoài phiên họp.',
    fields: comment(),
    send: (id, v) => api.POST('/api/nominations/{id}/voting/open', { ...path(id), body: { comment: str(v.comment) } }),
  },
  CastCouncilVote: {
    fields: (
      <>
        <Form.Item name="choice" label="Lựa chọn" rules={[{ required: true, message: 'Chọn một phương án' }]}>
          <Radio.Group>
            {Object.entries(CHOICES).map(([k, label]) => (
              <Radio key={k} value={k}>
                {label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {comment('Ý kiến')}
      </>
    ),
    send: (id, v) =>
      api.POST('/api/nominations/{id}/votes', {
        ...path(id),
        body: { choice: v.choice as 'approve' | 'reject' | 'abstain', comment: str(v.comment) },
      }),
  },
  RecuseFromCouncil: {
    fields: comment('Lý do'),
    send: (id, v) => api.POST('/api/nominations/{id}/recusal', { ...path(id), body: { comment: str(v.comment) } }),
  },
  CloseCouncilVoting: {
    fields: comment(),
    send: (id, v) => api.POST('/api/nominations/{id}/voting/close', { ...path(id), body: { comment: str(v.comment) } }),
  },
  SignAwardDecision: {
    note: 'Ký quyết định khen thưởng: hồ sơ vào sổ khen thưởng với số quyết định mới.',
    fields: comment(),
    send: (id, v) =>
      api.POST('/api/nominations/{id}/signature', { ...path(id), body: { decision: 'sign', comment: str(v.comment) } }),
  },
  DeclineSignature: {
    danger: true,
    fields: comment('Lý do không ký', true),
    send: (id, v) =>
      api.POST('/api/nominations/{id}/signature', {
        ...path(id),
        body: { decision: 'decline', comment: str(v.comment) },
      }),
  },
  PutOnHold: {
    danger: true,
    fields: (
      <>
        <Form.Item name="matter" label="Vụ việc" rules={[{ required: true, message: 'Chọn vụ việc' }]}>
          <Select options={Object.entries(HOLD_MATTERS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {comment('Lý do tạm dừng', true)}
      </>
    ),
    send: (id, v) =>
      api.POST('/api/nominations/{id}/hold', {
        ...path(id),
        body: { matter: v.matter as 'COMPLAINT', comment: String(v.comment ?? '') },
      }),
  },
  ReleaseFromHold: {
    fields: comment('Kết quả giải quyết'),
    send: (id, v) => api.POST('/api/nominations/{id}/release', { ...path(id), body: { comment: str(v.comment) } }),
  },
  WithdrawNomination: {
    danger: true,
    fields: comment('Lý do rút hồ sơ'),
    send: (id, v) => api.POST('/api/nominations/{id}/withdraw', { ...path(id), body: { comment: str(v.comment) } }),
  },
  RevokeAward: {
    danger: true,
    fields: (
      <>
        <Form.Item name="ground" label="Căn cứ hủy bỏ" rules={[{ required: true, message: 'Chọn căn cứ' }]}>
          <Select options={Object.entries(REVOCATION_GROUNDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Cần lý do' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </>
    ),
    send: (id, v) =>
      api.POST('/api/nominations/{id}/revocation', {
        ...path(id),
        body: { ground: v.ground as 'CRITERIA_NOT_MET', reason: String(v.reason ?? '') },
      }),
  },
};

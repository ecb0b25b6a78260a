import { BadRequestException } from '@nestjs/common';
import { InputSafetyPipe, MAX_INPUT_DEPTH, findUnsafeInput } from './input-safety.pipe';

const nested = (levels: number) => {
  let v: unknown = 'x';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

describe('input safety', () => {
  it('lets ordinary forms through unchanged', () => {
    const body = { nominee: { kind: 'individual', name: 'Nguyễn Văn An' }, documents: [{ title: 'Tờ trình' }] };
    expect(new InputSafetyPipe().transform(body)).toBe(body);
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH))).toBeUndefined();
  });

  it('refuses JSON nested thousands of levels deep without overflowing its own stack', () => {
    expect(findUnsafeInput(nested(3000))).toEqual({
      field: expect.stringMatching(/^a(\.a)+$/),
      reason: `Lồng nhau quá ${MAX_INPUT_DEPTH} cấp`,
    });
    expect(() => new InputSafetyPipe().transform(nested(3000))).toThrow(BadRequestException);
  });

  it('refuses a NUL character in a value or a key and names the field', () => {
    expect(findUnsafeInput({ q: 'a\u0000b' })).toEqual({ field: 'q', reason: 'Chứa ký tự NUL (mã 0) không được phép' });
    expect(findUnsafeInput({ list: ['ok', 'x\u0000'] })?.field).toBe('list.1');
    expect(findUnsafeInput({ ['k\u0000']: 1 })).toBeDefined();
    expect(findUnsafeInput('plain\u0000')).toEqual({ field: '', reason: 'Chứa ký tự NUL (mã 0) không được phép' });
  });
});

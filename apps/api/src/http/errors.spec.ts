import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './errors';

describe('flattenValidationErrors', () => {
  it('names nested fields by path and gives Vietnamese reasons for the built-in constraints', () => {
    const errors = [
      { property: 'foo', constraints: { whitelistValidation: 'property foo should not exist' }, children: [] },
      {
        property: 'nominee',
        children: [
          {
            property: 'name',
            constraints: { isString: 'name must be a string', isNotEmpty: 'Cần tên người/tập thể được đề nghị' },
            children: [],
          },
        ],
      },
    ] as ValidationError[];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'foo', reasons: ['Trường này không được phép gửi lên'] },
      { field: 'nominee.name', reasons: ['Phải là chuỗi ký tự', 'Cần tên người/tập thể được đề nghị'] },
    ]);
  });
});

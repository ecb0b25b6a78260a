import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors, MISSING_REASON } from './errors';

describe('flattenValidationErrors', () => {
  it('names nested fields by path and gives Vietnamese reasons for the built-in constraints', () => {
    const errors = [
      { property: 'foo', constraints: { whitelistValidation: 'property foo should not exist' }, children: [] },
      {
        property: 'nominee',
        children: [
          {
            property: 'name',
            value: 42,
            constraints: { isString: 'name must be a string' },
            children: [],
          },
        ],
      },
    ] as ValidationError[];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'foo', reasons: ['Trường này không được phép gửi lên'] },
      { field: 'nominee.name', reasons: ['Phải là chuỗi ký tự'] },
    ]);
  });

  it('a missing field says it is missing — its own message if it has one — never "too long" or "must be a string"', () => {
    const errors = [
      {
        property: 'achievements',
        value: undefined,
        constraints: {
          isString: 'achievements must be a string',
          isNotEmpty: 'Cần tóm tắt thành tích',
          maxLength: 'achievements must be shorter than or equal to 10000 characters',
        },
        children: [],
      },
      {
        property: 'campaignId',
        value: undefined,
        constraints: { isString: 'campaignId must be a string', maxLength: 'campaignId must be shorter than …' },
        children: [],
      },
    ] as ValidationError[];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'achievements', reasons: ['Cần tóm tắt thành tích'] },
      { field: 'campaignId', reasons: [MISSING_REASON] },
    ]);
  });

  it('no English message of class-validator is passed on, whatever its wording or constraint', () => {
    const errors = [
      {
        property: 'nominee',
        value: 'x',
        constraints: { nestedValidation: 'nested property nominee must be either object or array' },
        children: [],
      },
      { property: 'year', value: 'x', constraints: { isUnknownRule: 'year must be whatever' }, children: [] },
      {
        property: 'Nguyễn Văn An',
        value: 'x',
        constraints: { whitelistValidation: 'property Nguyễn Văn An should not exist' },
        children: [],
      },
    ] as ValidationError[];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'nominee', reasons: ['Phải là một đối tượng'] },
      { field: 'year', reasons: ['Giá trị không hợp lệ'] },
      { field: 'Nguyễn Văn An', reasons: ['Trường này không được phép gửi lên'] },
    ]);
  });
});

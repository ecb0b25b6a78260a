import { Logger, type ArgumentsHost, type ValidationError } from '@nestjs/common';
import { ServiceError } from '@temporalio/client';
import { NominationServiceUnavailableError } from '@tdkt/temporal';
import { ApiExceptionFilter, flattenValidationErrors, MISSING_REASON, type ErrorBody } from './errors';

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

describe('ApiExceptionFilter and an unreachable Temporal', () => {
  const respond = (exception: unknown) => {
    const sent: { status?: number; body?: ErrorBody } = {};
    const res = {
      status: (s: number) => ((sent.status = s), res),
      json: (b: ErrorBody) => ((sent.body = b), res),
      setHeader: () => res,
    };
    const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
    new ApiExceptionFilter().catch(exception, host);
    return sent;
  };
  const grpc = (code: number, details: string) =>
    Object.assign(new Error(`${code}: ${details}`), { code, details, metadata: {} });

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it.each([
    ['a connection reset (INTERNAL RST_STREAM)', grpc(13, 'Received RST_STREAM with code 2 (Internal server error)')],
    ['UNAVAILABLE inside an SDK ServiceError', new ServiceError('Failed', { cause: grpc(14, 'Connection dropped') })],
    ['a deadline', grpc(4, 'Deadline exceeded')],
    ['the gateway’s own unavailability', new NominationServiceUnavailableError('query')],
  ])('%s answers 503 WORKFLOW_UNAVAILABLE, not 500', (_name, exception) => {
    const { status, body } = respond(exception);
    expect(status).toBe(503);
    expect(body).toMatchObject({ statusCode: 503, code: 'WORKFLOW_UNAVAILABLE' });
  });

  it('any other error stays a 500 INTERNAL with nothing leaked', () => {
    const { status, body } = respond(grpc(13, 'grpc: error unmarshalling request'));
    expect(status).toBe(500);
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL',
      message: 'Lỗi hệ thống',
    });
  });
});

import { HttpException } from '@nestjs/common';
import type { ErrorBody } from '../http/errors';

const NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  502: 'Bad Gateway',
};

/** A refusal of the sign-in edge, in the API's error body (ApiExceptionFilter passes it through). */
export function authError(
  statusCode: number,
  code: string,
  message: string,
  extra: { field?: string; reason?: string } = {},
): HttpException {
  const body: ErrorBody & { reason?: string } = { statusCode, error: NAMES[statusCode] ?? 'Error', code, message };
  if (extra.field) body.errors = [{ field: extra.field, reasons: [message] }];
  if (extra.reason) body.reason = extra.reason;
  return new HttpException(body, statusCode);
}

export const LOCAL_LOGIN_DISABLED_MESSAGE =
  'Đăng nhập bằng mật khẩu đã bị tắt; hãy đăng nhập qua hệ thống đăng nhập một lần (SSO) của tỉnh';

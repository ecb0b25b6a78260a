import { HttpException } from '@nestjs/common';
import type { ErrorBody } from '../http/errors';

const NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  502: 'Bad Gateway',
};

/**
 * A refusal of the sign-in edge, in the API's one error body (ApiExceptionFilter passes it through):
 * `field` names what was wrong (a form field, or the part of the ID token that was refused).
 */
export function authError(
  statusCode: number,
  code: string,
  message: string,
  extra: { field?: string } = {},
): HttpException {
  const body: ErrorBody = { statusCode, error: NAMES[statusCode] ?? 'Error', code, message };
  if (extra.field) body.errors = [{ field: extra.field, reasons: [message] }];
  return new HttpException(body, statusCode);
}

export const LOCAL_LOGIN_DISABLED_MESSAGE =
  'Đăng nhập bằng mật khẩu đã bị tắt; hãy đăng nhập qua hệ thống đăng nhập một lần (SSO) của tỉnh';

import { ApiProperty, ApiPropertyOptional, type OpenAPIObject } from '@nestjs/swagger';

/** One field that failed and why (OpenAPI schema of `FieldError`). */
export class FieldErrorDto {
  @ApiProperty({ description: 'Đường dẫn của trường, ví dụ nominee.name, documents.0', example: 'achievements' })
  field: string;

  @ApiProperty({ type: [String], description: 'Lý do, bằng tiếng Việt', example: ['Cần tóm tắt thành tích'] })
  reasons: string[];
}

/** The body of every error response (OpenAPI schema of `ErrorBody`, apps/api/src/http/errors.ts). */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ description: 'Tên trạng thái HTTP', example: 'Bad Request' })
  error: string;

  @ApiProperty({
    description: 'Mã ổn định cho máy đọc: VALIDATION, ROLE_REQUIRED, OUT_OF_SCOPE, WRONG_STAGE, NOMINATION_NOT_FOUND…',
    example: 'VALIDATION',
  })
  code: string;

  @ApiProperty({ description: 'Thông báo cho người dùng, bằng tiếng Việt', example: 'Dữ liệu gửi lên không hợp lệ' })
  message: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Các trường sai và lý do (lỗi 400)' })
  errors?: FieldErrorDto[];
}

/** What each error status means on this API, in the words the document shows. */
const ERROR_STATUSES: Record<string, string> = {
  '400': 'Dữ liệu gửi lên không hợp lệ (trường và lý do trong `errors`), hoặc tiêu đề X-TDKT-After-Position sai',
  '401': 'Chưa đăng nhập, phiên đăng nhập hết hạn, hoặc sai tên đăng nhập/mật khẩu',
  '403': 'Không có vai trò, phạm vi (đơn vị, cụm) hoặc quyền thực hiện thao tác này',
  '404': 'Không tìm thấy — hoặc nằm ngoài phạm vi được xem (không tiết lộ là có tồn tại)',
  '409': 'Hồ sơ không ở bước cho phép thao tác này (đã kết thúc, đang tạm dừng, đã biểu quyết…)',
  '413': 'Nội dung gửi lên quá lớn',
  '429': 'Đăng nhập sai quá nhiều lần; thử lại sau (tiêu đề Retry-After)',
  '503': 'Hệ thống xử lý hồ sơ hoặc bảng đọc chưa sẵn sàng; thử lại sau',
};

type Operation = {
  parameters?: { in: string }[];
  security?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};

/**
 * Adds the error responses each operation can give, all with the ErrorBody schema: 400 and 503
 * everywhere; 401 where a token is needed (and on login); 403 and 409 on commands; 404 where the
 * path names something; 413 where a body is sent; 429 on login. Responses a route declares itself
 * are kept.
 */
export function documentErrorResponses(document: OpenAPIObject): OpenAPIObject {
  const ref = { $ref: '#/components/schemas/ErrorBody' };
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, Operation>)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const signedIn = (op.security ?? []).length > 0;
      const login = path === '/api/auth/login';
      const statuses = ['400', '503'];
      if (signedIn || login) statuses.push('401');
      if (signedIn && method !== 'get') statuses.push('403', '409');
      if ((op.parameters ?? []).some((p) => p.in === 'path')) statuses.push('404');
      if (op.requestBody) statuses.push('413');
      if (login) statuses.push('429');
      op.responses ??= {};
      for (const status of statuses.sort())
        op.responses[status] ??= {
          description: ERROR_STATUSES[status],
          content: { 'application/json': { schema: ref } },
        };
    }
  }
  return document;
}

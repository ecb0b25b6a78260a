import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { DomainError, ERROR_CATALOGUE, type DomainErrorKind, type ErrorSpec } from '@tdkt/domain';
import { NominationServiceUnavailableError, isTemporalUnavailable } from '@tdkt/temporal';
import type { HttpResponse } from './http-types';

/** One field that failed and why (Vietnamese reasons, for the person filling in the form). */
export interface FieldError {
  field: string;
  reasons: string[];
}

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  /** Stable machine-readable code, e.g. VALIDATION, ROLE_REQUIRED, WRONG_STAGE. */
  code: string;
  message: string;
  errors?: FieldError[];
}

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  VALIDATION: HttpStatus.BAD_REQUEST,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  INVALID_STATE: HttpStatus.CONFLICT,
  CONFLICT: HttpStatus.CONFLICT,
};

/** A refusal's status: by its code's kind in the catalogue (the error's own kind for a code it lacks). */
export function httpStatusOf(error: Pick<DomainError, 'code' | 'kind'>): number {
  const spec: ErrorSpec | undefined = (ERROR_CATALOGUE as Record<string, ErrorSpec>)[error.code];
  return STATUS_BY_KIND[spec?.kind ?? error.kind] ?? 400;
}

/** The edge's own codes, with no command behind them: their status and Vietnamese message. */
const EDGE_ERRORS = {
  VALIDATION: { statusCode: 400, message: 'Dữ liệu gửi lên không hợp lệ' },
  PAYLOAD_TOO_LARGE: { statusCode: 413, message: 'Nội dung gửi lên quá lớn' },
  INTERNAL: { statusCode: 500, message: 'Lỗi hệ thống' },
  WORKFLOW_UNAVAILABLE: { statusCode: 503, message: 'Hệ thống xử lý hồ sơ chưa phản hồi kịp; vui lòng thử lại sau' },
} as const;

export function edgeError(code: keyof typeof EDGE_ERRORS, message?: string): ErrorBody {
  const { statusCode, message: fixed } = EDGE_ERRORS[code];
  return { statusCode, error: ERROR_NAMES[statusCode], code, message: message ?? fixed };
}

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Vietnamese reasons for class-validator's built-in constraints (custom messages are kept as written). */
const REASONS: Record<string, string> = {
  whitelistValidation: 'Trường này không được phép gửi lên',
  isString: 'Phải là chuỗi ký tự',
  isNotEmpty: 'Không được để trống',
  maxLength: 'Quá dài',
  isBoolean: 'Phải là true hoặc false',
  isInt: 'Phải là số nguyên',
  min: 'Nhỏ hơn giá trị cho phép',
  max: 'Lớn hơn giá trị cho phép',
  isArray: 'Phải là một danh sách',
  arrayMaxSize: 'Danh sách quá dài',
  isObject: 'Phải là một đối tượng',
  nestedValidation: 'Phải là một đối tượng',
  isIn: 'Giá trị không thuộc danh sách cho phép',
  matches: 'Sai định dạng',
};
/** What a missing field is told, unless its own (Vietnamese) message says what is missing. */
export const MISSING_REASON = 'Thiếu trường bắt buộc này';
/** Constraints whose own message says what is missing ("Cần tóm tắt thành tích"). */
const MISSING_CONSTRAINTS = ['isNotEmpty', 'isDefined'];
/** A constraint without a Vietnamese reason of its own. */
const GENERIC_REASON = 'Giá trị không hợp lệ';
const isAscii = (m: string) => [...m].every((c) => c.charCodeAt(0) < 0x80);
/**
 * A message class-validator wrote itself: English, all ASCII ("nested property nominee must be
 * either object or array", "each value in …"). Every message written here is Vietnamese, so none is ASCII.
 */
const isDefaultMessage = (m: string, property: string) =>
  isAscii(m) ||
  (m.startsWith(`${property} `) && isAscii(m.slice(property.length))) ||
  ['property ', 'each value in ', 'nested property ', 'an instance of '].some((p) => m.startsWith(p));

/**
 * class-validator's nested errors → flat `field` paths (`nominee.name`, `documents.0`), reasons in
 * Vietnamese. A field that is missing says so (its own message, e.g. "Cần tóm tắt thành tích", or
 * "Thiếu trường bắt buộc này"), not what a present value would have broken ("Quá dài").
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) {
      const entries = Object.entries(e.constraints);
      const missing = (e.value === undefined || e.value === null) && !('whitelistValidation' in e.constraints);
      // A field's own messages (written here, in Vietnamese) say it best; class-validator's are translated.
      const own = entries.filter(([, m]) => !isDefaultMessage(m, e.property)).map(([, m]) => m);
      const ownMissing = entries
        .filter(([key, m]) => MISSING_CONSTRAINTS.includes(key) && !isDefaultMessage(m, e.property))
        .map(([, m]) => m);
      const reasons = missing
        ? ownMissing.length
          ? ownMissing
          : [MISSING_REASON]
        : own.length
          ? own
          : entries.map(([key]) => REASONS[key] ?? GENERIC_REASON);
      out.push({ field, reasons: [...new Set(reasons)] });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** whitelist + forbidNonWhitelisted + transform; failures become 400 with the fields and reasons. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The value is read (to tell a missing field from a wrong one), never sent back.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const body: ErrorBody = { ...edgeError('VALIDATION'), errors: flattenValidationErrors(errors) };
      return new BadRequestException(body);
    },
  });
}

/**
 * Every error leaves as an ErrorBody: DomainError kinds map onto 400/403/404/409, Nest's
 * HttpExceptions keep their status, anything else is a 500 (logged, details not leaked).
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Api');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<HttpResponse>();
    const body = this.toBody(exception);
    if (body.statusCode === 429 && exception instanceof HttpException) {
      const retry = (exception.getResponse() as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retry) res.setHeader('Retry-After', String(retry));
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = httpStatusOf(exception);
      const body: ErrorBody = {
        statusCode,
        error: ERROR_NAMES[statusCode],
        code: exception.code,
        message: exception.message,
      };
      if (exception.field) body.errors = [{ field: exception.field, reasons: [exception.message] }];
      return body;
    }
    if (exception instanceof NominationServiceUnavailableError) {
      this.logger.warn(exception.message);
      // A command already handed over may still be carried out: say so, lest it be sent twice.
      return exception.operation === 'command'
        ? edgeError(
            'WORKFLOW_UNAVAILABLE',
            'Hệ thống xử lý hồ sơ chưa phản hồi kịp; lệnh có thể vẫn được thực hiện sau — hãy xem lại hồ sơ trước khi gửi lại',
          )
        : edgeError('WORKFLOW_UNAVAILABLE');
    }
    // A call to Temporal outside the gateway's deadline (or a gRPC status it did not expect) while
    // the server is down or restarting: the same 503, never a 500.
    if (isTemporalUnavailable(exception)) {
      this.logger.warn(`Temporal unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      return edgeError('WORKFLOW_UNAVAILABLE');
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const r = exception.getResponse();
      if (typeof r === 'object' && r && 'code' in r) return { ...(r as ErrorBody), statusCode };
      const message =
        typeof r === 'string'
          ? r
          : Array.isArray((r as { message?: unknown }).message)
            ? (r as { message: string[] }).message.join('; ')
            : String((r as { message?: unknown }).message ?? exception.message);
      if (statusCode === 400 && /JSON/.test(message))
        return {
          statusCode,
          error: ERROR_NAMES[400],
          code: 'MALFORMED_JSON',
          message: 'Nội dung gửi lên không phải JSON hợp lệ',
        };
      // The router's own 404 ("Cannot GET /x") for a path no controller serves.
      const route = statusCode === 404 && /^Cannot ([A-Z]+) (.*)$/.exec(message);
      if (route)
        return {
          statusCode,
          error: ERROR_NAMES[404],
          code: 'ROUTE_NOT_FOUND',
          message: `Không có đường dẫn ${route[1]} ${route[2]}`,
        };
      return {
        statusCode,
        error: ERROR_NAMES[statusCode] ?? exception.name,
        code: defaultCode(statusCode),
        // A framework's own (English) message is replaced by the status's Vietnamese one.
        message: isAscii(message) ? (STATUS_MESSAGES[statusCode] ?? 'Yêu cầu không thực hiện được') : message,
      };
    }
    // The body parser's client errors (http-errors: a body over the size limit, an unsupported
    // charset or encoding, an aborted upload) keep their 4xx status; they are not server faults.
    const clientError = clientHttpError(exception);
    if (clientError === 413) return edgeError('PAYLOAD_TOO_LARGE');
    if (clientError)
      return {
        statusCode: clientError,
        error: ERROR_NAMES[clientError] ?? 'Bad Request',
        code: defaultCode(clientError),
        message: 'Nội dung gửi lên không đọc được',
      };
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return edgeError('INTERNAL');
  }
}

/** The 4xx status of an http-errors client error (as raised by body-parser), if that is what this is. */
function clientHttpError(exception: unknown): number | undefined {
  const e = exception as { status?: unknown; expose?: unknown } | null;
  if (!(exception instanceof Error) || !e || e.expose !== true || typeof e.status !== 'number') return undefined;
  return e.status >= 400 && e.status < 500 ? e.status : undefined;
}

/** Vietnamese words for a status whose exception carried no Vietnamese message. */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Cần đăng nhập',
  403: 'Không có quyền thực hiện thao tác này',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  409: 'Xung đột với trạng thái hiện tại',
  413: 'Nội dung gửi lên quá lớn',
  415: 'Kiểu nội dung gửi lên không được hỗ trợ',
  429: 'Quá nhiều yêu cầu; vui lòng thử lại sau',
  503: 'Hệ thống tạm thời không phục vụ được; vui lòng thử lại sau',
};

function defaultCode(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 429:
      return 'TOO_MANY_ATTEMPTS';
    default:
      return `HTTP_${status}`;
  }
}

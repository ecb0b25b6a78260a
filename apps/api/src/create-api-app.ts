import { NestFactory } from '@nestjs/core';
import type { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ApiOptions } from './api-options';
import type { ApiRuntime } from './api-runtime';
import { ApiModule } from './api.module';
import { createValidationPipe } from './http/errors';
import { InputSafetyPipe } from './http/input-safety.pipe';
import {
  STREAM_PATH,
  STREAM_QUERY_AUTH,
  STREAM_TOKEN_COOKIE,
  streamTokenMiddleware,
} from './notifications/stream-token';
import { documentErrorResponses, ErrorBody } from './http/openapi';
import { serveWebApp } from './http/web-app';

export const DOCS_PATH = 'api/docs';

/** The Nest application (not listening yet): validation, errors, auth, OpenAPI at /api/docs. */
export async function createApiApp(
  runtime: ApiRuntime,
  options: ApiOptions & { logger?: LoggerService | LogLevel[] | false } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(runtime, options), {
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  app.useGlobalPipes(new InputSafetyPipe(), createValidationPipe());
  // EventSource cannot send headers: the notification stream alone takes the token from the query or a cookie.
  app.use(STREAM_PATH, streamTokenMiddleware);
  // The client address (login rate limit) comes from X-Forwarded-For only when a configured proxy
  // sent it; by default none is trusted. Trusting loopback by default let anything on this host
  // (or a proxy forwarding whatever the client wrote) get a fresh allowance per forged address.
  // The reverse proxy is named with TDKT_TRUST_PROXY (Express syntax, e.g. `loopback`, `10.0.0.5`).
  app.set('trust proxy', trustProxySetting(options.trustProxy ?? process.env.TDKT_TRUST_PROXY));
  SwaggerModule.setup(DOCS_PATH, app, () => openApiDocument(app));
  // The web application (dist/web, built by npm run build) at /, beside the API.
  serveWebApp(app, options.webDir);
  return app;
}

/** The OpenAPI document of an API app (served at /api/docs; written for the web client's types by scripts/write-openapi.ts). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('TĐKT — thi đua, khen thưởng')
    .setDescription(
      'Hồ sơ đề nghị khen thưởng và quy trình xét duyệt nhiều cấp. Đăng nhập: POST /api/auth/login (hoặc đăng nhập một lần: GET /api/auth/oidc/login), rồi gửi `Authorization: Bearer <accessToken>`; ' +
        'access token có thời hạn ngắn, đổi mã làm mới lấy token mới ở POST /api/auth/refresh. ' +
        'Mỗi lệnh trả về `position`; khi lệnh trả lời, các bảng đọc đã phản ánh lệnh đó. Một truy vấn GET có thể gửi ' +
        '`X-TDKT-After-Position: <position>` để chờ các bảng đọc đến vị trí đó (ví dụ sau một lệnh qua máy chủ khác); chưa đến kịp thì trả 503.',
    )
    .setVersion('1.0')
    .addBearerAuth()
    // Only GET /api/notifications/stream (EventSource cannot send headers) accepts these two.
    .addApiKey({ type: 'apiKey', in: 'query', name: 'access_token' }, STREAM_QUERY_AUTH)
    .addCookieAuth(
      STREAM_TOKEN_COOKIE,
      { type: 'apiKey', in: 'cookie', name: STREAM_TOKEN_COOKIE },
      STREAM_TOKEN_COOKIE,
    )
    .build();
  return documentErrorResponses(SwaggerModule.createDocument(app, doc, { extraModels: [ErrorBody] }));
}

/** TDKT_TRUST_PROXY → Express's 'trust proxy' value: unset or empty trusts no proxy. */
export function trustProxySetting(value: string | undefined): string | false {
  const v = value?.trim();
  return v ? v : false;
}

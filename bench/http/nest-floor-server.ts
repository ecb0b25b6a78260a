/**
 * Child process: scenario 4's framework floors without our layers — a Nest app of one controller,
 * no middleware, guards, pipes or interceptors, answering `GET /health/live` with `{"status":"ok"}`
 * (what ours answers) on the adapter named by argv[2]: `express` (ours today) or `fastify`
 * (`@nestjs/platform-fastify`, which issue 15 names). Beside the bare node:http server and our own
 * `/health/live`, it tells what the adapter costs and what our layers on it cost.
 */
import 'reflect-metadata';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

@Controller('health')
class LiveController {
  @Get('live')
  live() {
    return { status: 'ok' };
  }
}

@Module({ controllers: [LiveController] })
class FloorModule {}

async function main() {
  const adapter = process.argv[2];
  if (adapter !== 'express' && adapter !== 'fastify') throw new Error(`adapter: express or fastify, not ${adapter}`);
  const app: INestApplication =
    adapter === 'fastify'
      ? await NestFactory.create(FloorModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(FloorModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  process.send!({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/**
 * Writes the API's OpenAPI document to a file without starting anything: the Nest application is
 * built in preview mode (routes and DTO metadata, no provider instantiated, no database, no Temporal).
 * The web application's client types are generated from it (npm run build:web), so a changed DTO
 * breaks the web build rather than a screen.   Usage: write-openapi.ts <out.json>
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { OrganisationDirectory, loadAppConfig, loadOrganisation } from '@tdkt/config';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ApiRuntime } from '../apps/api/src/api-runtime';
import { ApiModule } from '../apps/api/src/api.module';
import { openApiDocument } from '../apps/api/src/create-api-app';

async function main(out: string): Promise<void> {
  const config = loadAppConfig({ ...process.env, TDKT_MODE: 'embedded' });
  // Only what ApiModule.register reads; in preview mode nothing else of the runtime is touched.
  const runtime = {
    config: { ...config, auth: { ...config.auth, oidc: undefined } },
    directory: new OrganisationDirectory(loadOrganisation(config.organisationFile)),
  } as unknown as ApiRuntime;
  const app = await NestFactory.create(ApiModule.register(runtime), { preview: true, logger: false });
  const document = openApiDocument(app);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(document, null, 1) + '\n');
  await app.close();
}

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: write-openapi.ts <out.json>\n');
  process.exit(2);
}
main(out).catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The few Express members the fallback touches (no @types/express in the tree). */
interface PageRequest {
  method: string;
  path: string;
}
interface PageResponse {
  setHeader(name: string, value: string): unknown;
  sendFile(path: string): void;
}

/**
 * The first path segments the server keeps for itself: the SPA fallback never answers under them
 * (an unknown API path stays a JSON 404; /verify is the certificates' QR target, /health the probes).
 */
export const SERVER_PATH_PREFIXES = ['api', 'health', 'verify'] as const;

/** Where `npm run build` puts the web application: TDKT_WEB_DIR, else dist/web of the working directory. */
export function webDir(dir = process.env.TDKT_WEB_DIR): string {
  return resolve(dir && dir.trim() ? dir : join(process.cwd(), 'dist', 'web'));
}

/** Whether a GET of this path is a page of the web application (not a server route, not a file). */
export function isWebAppPage(path: string): boolean {
  const first = path.split('/')[1] ?? '';
  if ((SERVER_PATH_PREFIXES as readonly string[]).includes(first)) return false;
  // A missing file (/assets/x.js, /favicon.ico) is a 404, not the page: a stale tab must not parse HTML as JS.
  return !/\.[A-Za-z0-9]+$/.test(path);
}

/**
 * Serves the built web application at `/`: its files (hashed assets cached for a year, index.html
 * never), and index.html for every other page path so the browser's router shows it (SPA fallback).
 * Nothing is served when the app was not built (the API works alone).
 */
export function serveWebApp(app: NestExpressApplication, dir = webDir()): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res: PageResponse, file: string) =>
      res.setHeader('Cache-Control', file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use((req: PageRequest, res: PageResponse, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isWebAppPage(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The few Express members the fallback touches (no @types/express in the tree). */
interface PageRequest {
  method: string;
  path: string;
}
interface PageResponse {
  headersSent: boolean;
  setHeader(name: string, value: string): unknown;
  sendFile(path: string, options?: FileOptions, done?: (error?: Error) => void): void;
}
interface FileOptions {
  root: string;
  dotfiles: 'ignore';
  cacheControl: false;
  headers: Record<string, string>;
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

const isServerPath = (path: string) => (SERVER_PATH_PREFIXES as readonly string[]).includes(path.split('/')[1] ?? '');
const namesFile = (path: string) => /\.[A-Za-z0-9]+$/.test(path);

/** Whether a GET of this path is a page of the web application (not a server route, not a file). */
export function isWebAppPage(path: string): boolean {
  // A missing file (/assets/x.js, /favicon.ico) is a 404, not the page: a stale tab must not parse HTML as JS.
  return !isServerPath(path) && !namesFile(path);
}

/** Whether a GET of this path may be a file of the web application: it names a file, outside the server's paths. */
export function isWebAppFile(path: string): boolean {
  return !isServerPath(path) && namesFile(path);
}

/**
 * Serves the built web application at `/`: its files (hashed assets cached for a year, index.html
 * never), and index.html for every other page path so the browser's router shows it (SPA fallback).
 * Nothing is served when the app was not built (the API works alone).
 */
export function serveWebApp(app: NestExpressApplication, dir = webDir()): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  // Only paths that name a file look on disk: a static handler in front of every route cost each API
  // request a failed fs.stat and its error object (~10 % of a GET /api/nominations/:id under load).
  // `root` confines the file to the directory (send refuses "..").
  app.use((req: PageRequest, res: PageResponse, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isWebAppFile(req.path)) return next();
    const cacheControl = req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const options: FileOptions = {
      root: dir,
      dotfiles: 'ignore',
      cacheControl: false,
      headers: { 'Cache-Control': cacheControl },
    };
    let file: string;
    try {
      file = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    // A missing file falls through to the routes' JSON 404.
    res.sendFile(file, options, (error) => {
      if (error && !res.headersSent) next();
    });
  });
  app.use((req: PageRequest, res: PageResponse, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isWebAppPage(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

/**
 * Where a stack process's CPU goes, by area, from its V8 .cpuprofile files (one per thread: the main
 * thread and the Temporal workflow thread write their own with `--cpu-prof`):
 * `node -r ts-node/register/transpile-only bench/profile-areas.ts <file.cpuprofile>... [--top=25] [--timeline] [--window=from,to]`
 *
 * Self time: each sample goes to the area of the function it was taken in; a native frame (no URL:
 * a SQLite call, JSON.parse, a regexp) goes to what it does where that is known (JSON, GC), else to
 * the nearest caller with an area. Total time: a sample counts once for every area on its stack
 * (what the area and everything it called cost). Idle time is left out of both.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Area of a frame from its URL (compiled dist/ paths or sources), or undefined for a native frame. */
export function areaOf(url: string, functionName: string): string | undefined {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)') return 'V8/native (program)';
    if (functionName === '(idle)' || functionName === '(root)') return undefined;
    if (functionName === 'parse' || functionName === 'stringify') return 'JSON (parse/stringify)';
    return undefined;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) {
    if (pkg === 'class-validator' || pkg === 'class-transformer' || pkg === 'validator') return 'validation';
    if (/^@nestjs\/|^express$|^body-parser$|^router$|^rxjs$|^reflect-metadata$|^finalhandler$|^send$/.test(pkg))
      return 'HTTP + Nest';
    if (pkg === 'better-sqlite3') return 'SQLite (better-sqlite3)';
    if (pkg === '@temporalio/client' || pkg === '@grpc/grpc-js' || pkg === 'protobufjs' || pkg === '@temporalio/proto')
      return 'Temporal client (gRPC, protobuf)';
    if (pkg.startsWith('@temporalio/')) return `Temporal SDK (${pkg.slice('@temporalio/'.length)})`;
    if (pkg === 'jsonwebtoken' || pkg === 'jws' || pkg === 'jwa') return 'auth (JWT)';
    return `other package: ${pkg}`;
  }
  if (/workflow-bundle[^/]*\.js$/.test(url)) return 'workflow isolate (bundle)';
  const repo = /\/(?:dist\/)?((?:apps|libs|workflows|bench)\/.*)$/.exec(url)?.[1];
  if (repo) {
    const readModel = /^libs\/projections\/src\/read-models\/([^/.]+)/.exec(repo)?.[1];
    if (readModel) return `projection: ${readModel}`;
    if (repo.startsWith('libs/projections/')) return 'projections (runner, db)';
    if (repo.startsWith('libs/event-store/src/audit')) return 'event store: audit log';
    if (repo.startsWith('libs/event-store/')) return 'event store';
    if (repo.startsWith('libs/temporal/src/activities')) return 'activities (ours)';
    if (repo.startsWith('libs/temporal/')) return 'libs/temporal (gateway, worker)';
    if (repo.startsWith('libs/domain/')) return 'domain';
    if (repo.startsWith('apps/api/')) return 'API (ours)';
    return repo.split('/').slice(0, 2).join('/');
  }
  if (url.startsWith('node:') || !url.includes('/')) return 'node:internal';
  return `other: ${url}`;
}

/** Only the samples taken between `window[0]` and `window[1]` seconds after the profile started, if given. */
function summarise(file: string, profile: Profile, top: number, window?: [number, number]): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const areaCache = new Map<number, string | undefined>();
  const frameArea = (id: number) => {
    if (!areaCache.has(id)) {
      const f = byId.get(id)!.callFrame;
      areaCache.set(id, areaOf(f.url, f.functionName));
    }
    return areaCache.get(id);
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const fn = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let at = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (window && (at < window[0] * 1e6 || at >= window[1] * 1e6)) return;
    const leaf = byId.get(id)!;
    if (leaf.callFrame.functionName === '(idle)') {
      idle += dt;
      return;
    }
    busy += dt;
    const seen = new Set<string>();
    let own: string | undefined;
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const a = frameArea(node);
      if (!a) continue;
      own ??= a;
      seen.add(a);
    }
    own ??= 'native (no caller area)';
    self.set(own, (self.get(own) ?? 0) + dt);
    for (const a of seen) total.set(a, (total.get(a) ?? 0) + dt);
    const f = leaf.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*node_modules\//, 'nm:').replace(/^.*\/(dist\/)?(?=apps\/|libs\/|workflows\/|bench\/)/, '')}:${f.lineNumber + 1}  [${own}]`;
    fn.set(key, (fn.get(key) ?? 0) + dt);
  });
  const s = (us: number) => `${(us / 1e6).toFixed(1).padStart(6)} s`;
  const pct = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
  console.log(
    `\n== ${file}${window ? ` (${window[0]}–${window[1]} s)` : ''}\nbusy ${s(busy)}, idle ${s(idle)}\n\narea                                   self             total`,
  );
  const areas = [...new Set([...self.keys(), ...total.keys()])].sort((a, b) => (self.get(b) ?? 0) - (self.get(a) ?? 0));
  for (const a of areas)
    console.log(
      `${a.padEnd(36)} ${s(self.get(a) ?? 0)} ${pct(self.get(a) ?? 0)}   ${s(total.get(a) ?? 0)} ${pct(total.get(a) ?? 0)}`,
    );
  console.log(`\ntop ${top} functions by self time:`);
  for (const [k, v] of [...fn.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
}

/** Per second since the profile's start, the share of samples not idle: where the busy stretches are. */
function timeline(profile: Profile): void {
  const idleIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const perSecond: [number, number][] = [];
  let at = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    const s = (perSecond[Math.floor(at / 1e6)] ??= [0, 0]);
    s[idleIds.has(id) ? 1 : 0] += dt;
  });
  console.log(
    `busy % per second: ${perSecond.map((s, i) => `${i}:${s ? Math.round((100 * s[0]) / (s[0] + s[1])) : 0}`).join(' ')}`,
  );
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 25);
  // --window=13,18: seconds after the profile's start (a busy stretch; --timeline prints them).
  const window = args
    .find((a) => a.startsWith('--window='))
    ?.slice(9)
    .split(',')
    .map(Number) as [number, number] | undefined;
  for (const file of args.filter((a) => !a.startsWith('--'))) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    if (args.includes('--timeline')) timeline(profile);
    summarise(file, profile, top, window);
  }
}

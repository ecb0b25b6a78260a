/**
 * Scenario 4: API reads with 100,000 awards in the registry (quick: 10,000). The awards are seeded
 * as full nomination streams straight into the event store and projected once with `rebuild()`
 * (both cached in bench/.data), then served by the embedded stack. A load generator in its own
 * process keeps a fixed number of keep-alive requests in flight against:
 *   - GET /api/registry filtered by year and award (or unit), paged;
 *   - GET /api/registry?q=… free-text search without diacritics ("nguyen van an"): 200 searches that
 *     repeat, so after warm-up they are answered from the kept pages (CheckpointCache);
 *   - the same, unrepeated: every request a search not made before in the run (names as typed,
 *     pages, years), so each pays the full query (count + page) as a new search does;
 *   - GET /api/nominations/:id (auditor's token);
 *   - GET /api/statistics with filters and a grouping (target: p99 < 50 ms).
 * Baseline: a bare node:http server answering a fixed JSON body of the same size (a real response).
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SqliteEventStore } from '@tdkt/event-store';
import { loadOrganisation, OrganisationDirectory } from '@tdkt/config';
import { isTerminal, type NominationStatus } from '@tdkt/domain';
import {
  defaultProjections,
  NotificationsProjection,
  prepareNotificationDelivery,
  rebuild,
  SqliteReadModelDb,
} from '@tdkt/projections';
import { forkTs, nextMessage, stopChild } from '../lib/child';
import { HttpClient, waitForHttp } from '../lib/http';
import { REPO_ROOT } from '../lib/paths';
import { cpuSecondsOf, memoryOf } from '../lib/proc';
import { row, type Row } from '../lib/report';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { stackStartupTimeoutMs, startStack } from '../lib/stack';
import { median, prng } from '../lib/stats';
import { FAMILY, GIVEN, MIDDLE } from '../seed/nomination-generator';
import { ensureSeededStore } from '../seed/seed-store';
import { nominationWorkflowBundle } from '../temporal/bundles';
import type { LoadResult, LoadSpec } from '../http/loadgen';
import { login } from './e2e';

/** Read models are cached per seeded store and per version of the projection code. */
export function projectionsHash(): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (e.endsWith('.ts')) hash.update(e).update(readFileSync(p));
      else if (!e.includes('.')) walk(p);
    }
  };
  walk(join(REPO_ROOT, 'libs', 'projections', 'src'));
  return hash.digest('hex').slice(0, 10);
}

export async function ensureProjected(
  storeFile: string,
  ctx: ScenarioContext,
): Promise<{ file: string; rebuildMs?: number; events?: number }> {
  const file = storeFile.replace(/\.sqlite$/, `.read-models-${projectionsHash()}.sqlite`);
  if (existsSync(file)) return { file };
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const store = new SqliteEventStore({ filename: storeFile });
  const db = SqliteReadModelDb.open(partial);
  let lastLog = Date.now();
  // Every projection the stack runs, notifications included: else the stack catches them up at start
  // (a million events: longer than any start-up wait) and writes into the cached file.
  await prepareNotificationDelivery(db, await store.headPosition());
  const directory = new OrganisationDirectory(loadOrganisation(join(REPO_ROOT, 'config', 'demo-organisation.json')));
  const result = await rebuild(db, store, {
    projections: [...defaultProjections(), new NotificationsProjection({ directory, mail: false })],
    onProgress: (p) => {
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        ctx.log(`    projecting: ${p.events.toLocaleString('en')} events`);
      }
    },
  });
  await db.close();
  await store.close();
  renameSync(partial, file);
  for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  // Read models of older projection code are of no further use.
  const stem = basename(storeFile).replace(/\.sqlite$/, '.read-models-');
  for (const old of readdirSync(dirname(file)))
    if (old.startsWith(stem) && join(dirname(file), old) !== file) rmSync(join(dirname(file), old), { force: true });
  return { file, rebuildMs: result.elapsedMs, events: result.events };
}

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/**
 * Ids of nominations the store holds (their first event), not serials the generator handed out: a file
 * refused at its first command has no stream, and asking for it was a 404 (issue 18's "3 ids").
 */
function draftedIds(storeFile: string): string[] {
  const db = new Database(storeFile, { readonly: true });
  try {
    return (
      db
        .prepare("SELECT stream FROM events WHERE revision = 0 AND stream LIKE 'nomination-%' ORDER BY position")
        .all() as { stream: string }[]
    ).map((r) => r.stream.slice('nomination-'.length));
  } finally {
    db.close();
  }
}

/** Nominations still in progress in the projected read models (their detail shows the stage clock). */
function inFlightIds(readModelsFile: string): string[] {
  const db = new Database(readModelsFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, status FROM nominations ORDER BY id').all() as { id: string; status: string }[];
    return rows.filter((r) => !isTerminal(r.status as NominationStatus)).map((r) => r.id);
  } finally {
    db.close();
  }
}

function paths(drafted: readonly string[], inFlight: readonly string[]): Record<string, RequestKind> {
  const random = prng(4);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
  const awards = ['BANG_KHEN_TINH', 'TAP_THE_LDXS', 'CO_THI_DUA_TINH', 'CONG_DAN_DONG_KHOI'];
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi'];
  const middle = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hữu', 'Ngọc'];
  const given = ['An', 'Bình', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phúc', 'Tâm', 'Trang', 'Yến'];
  const filter = Array.from({ length: 200 }, (_, i) =>
    i % 3 === 2
      ? `/api/registry?unit=${pick(['donvi1', 'donvi3'])}&year=${pick(years)}&page=${1 + Math.floor(random() * 3)}`
      : `/api/registry?year=${pick(years)}&award=${pick(awards)}&page=${1 + Math.floor(random() * 3)}`,
  );
  const text = Array.from({ length: 200 }, (_, i) => {
    const q = i % 4 === 3 ? `${pick(family)} ${pick(given)}` : `${pick(family)} ${pick(middle)} ${pick(given)}`;
    return `/api/registry?q=${encodeURIComponent(ascii(q))}`;
  });
  const byId = Array.from({ length: 200 }, () => `/api/nominations/${pick(drafted)}`);
  // In progress: the detail shows the stage's due and reminder times (the stage clock).
  const byIdInFlight = Array.from({ length: 200 }, () => `/api/nominations/${pick(inFlight)}`);
  // The same searches as typed, each asked once: a search nobody made before misses the kept pages
  // (CheckpointCache) and pays the full query — the case the cached row above does not measure.
  const unrepeated = unrepeatedSearches().map(
    ({ q, page, year }) =>
      `/api/registry?q=${encodeURIComponent(q)}${page ? `&page=${page}` : ''}${year ? `&year=${year}` : ''}`,
  );
  // Statistics (issue 18, target p99 < 50 ms over 100,000 awards): filters and groupings, summed from
  // the statistics read model's cells.
  const groupings = ['none', 'award', 'unit', 'cluster', 'campaign', 'year'];
  const statistics = Array.from({ length: 200 }, (_, i) => {
    const filters = [
      i % 2 === 0 ? `year=${pick(years)}` : '',
      i % 3 === 0 ? `award=${pick(awards)}` : '',
      i % 5 === 0 ? `unit=${pick(['donvi1', 'donvi3'])}` : '',
      i % 7 === 0 ? `kind=${pick(['individual', 'collective'])}` : '',
    ].filter(Boolean);
    return `/api/statistics?${[...filters, `groupBy=${groupings[i % groupings.length]}`].join('&')}`;
  });
  return {
    'statistics (filters + grouping)': { paths: statistics },
    'registry filter (year+award / unit)': { paths: filter },
    'registry text search (no diacritics)': { paths: text },
    [UNREPEATED]: { paths: unrepeated, unrepeated: true },
    'nomination by id': { paths: byId },
    [IN_FLIGHT]: { paths: byIdInFlight },
    // Target 3's floor: a route that does no work (liveness) through the same Nest + Express pipeline,
    // middleware, guards and interceptors — no read no route of ours can go faster than this.
    [FRAMEWORK_FLOOR]: { paths: ['/health/live'] },
  };
}

const UNREPEATED = 'registry text search, unrepeated (no kept page)';
const IN_FLIGHT = 'nomination by id, in progress (stage clock)';
const FRAMEWORK_FLOOR = 'framework floor (GET /health/live, no work)';

/**
 * Every distinct search over the seed's names (all of the generator's), without diacritics, as an
 * official types them: the full name, family + given name, the full name with its last word still
 * being typed (2 letters and up: "nguyen van ph"); each as page 1, page 2, and page 1 of one year.
 * Short words included ("vo", "le", "an"): they are real names, and the index's worst case.
 * Shuffled (deterministic). Also timed one at a time in SQL by bench/registry-misses.ts.
 */
export function unrepeatedSearches(): { q: string; page?: number; year?: number }[] {
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
  const queries = new Set<string>();
  for (const f of FAMILY.map(ascii))
    for (const g of GIVEN.map(ascii)) {
      queries.add(`${f} ${g}`);
      for (const m of MIDDLE.map(ascii)) {
        queries.add(`${f} ${m} ${g}`);
        for (let n = 2; n < g.length; n++) queries.add(`${f} ${m} ${g.slice(0, n)}`);
      }
    }
  const all = [...queries].flatMap((q, i) => [{ q }, { q, page: 2 }, { q, year: years[i % years.length] }]);
  return shuffled(all, prng(5));
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Kinds of request: `unrepeated` ones give every run of ours its own paths (and the body sample others). */
interface RequestKind {
  paths: string[];
  unrepeated?: boolean;
}

/** Requests/s, p99 and CPU per request of one kind of request (or a floor) against the bare server's. */
function endpointRows(
  metric: string,
  measured: { runs: LoadResult[]; cpu: number[] },
  bare: { runs: LoadResult[]; cpu: number[]; name: string },
  reps: number,
): Row[] {
  const of = (runs: LoadResult[], pick: (r: LoadResult) => number) => median(runs.map(pick));
  const base = { scenario: '4 API reads', baselineName: bare.name, reps };
  return [
    row({
      ...base,
      metric: `${metric} req/s`,
      unit: 'req/s',
      ours: of(measured.runs, (r) => r.requestsPerSecond),
      baseline: of(bare.runs, (r) => r.requestsPerSecond),
    }),
    row({
      ...base,
      metric: `${metric} p99`,
      unit: 'ms',
      ours: of(measured.runs, (r) => r.p99),
      baseline: of(bare.runs, (r) => r.p99),
    }),
    row({
      ...base,
      metric: `${metric} CPU per request`,
      unit: 'ms',
      ours: median(measured.cpu),
      baseline: median(bare.cpu),
    }),
  ];
}

/** A Nest app of one route on one adapter (http/nest-floor-server.ts), and what was measured of it. */
interface NestFloor {
  adapter: 'express' | 'fastify';
  child: ReturnType<typeof forkTs>;
  url: string;
  results: LoadResult[];
  cpu: number[];
}

async function startNestFloors(): Promise<NestFloor[]> {
  const floors: NestFloor[] = [];
  for (const adapter of ['express', 'fastify'] as const) {
    const child = forkTs('http/nest-floor-server.ts', [adapter]);
    const { port } = await nextMessage<{ type: 'ready'; port: number }>(child, 'ready');
    floors.push({ adapter, child, url: `http://127.0.0.1:${port}`, results: [], cpu: [] });
  }
  return floors;
}

async function load(gen: ReturnType<typeof forkTs>, spec: Omit<LoadSpec, 'type'>): Promise<LoadResult> {
  const result = nextMessage<LoadResult>(gen, 'result', (spec.seconds + spec.warmupSeconds + 120) * 1000);
  gen.send({ type: 'run', ...spec });
  const r = await result;
  if (r.errors) throw new Error(`load on ${spec.baseUrl}: ${r.errors} errors, first: ${r.firstError}`);
  return r;
}

export const apiReadsScenario: Scenario = {
  id: 'api-reads',
  title: '4. API reads (registry search, nomination by id) vs bare node:http',
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    const awards = ctx.quick ? 5_000 : 100_000;
    const reps = ctx.quick ? 2 : 3;
    const seconds = ctx.quick ? 1.5 : 6;
    const concurrency = 16;
    const warmup = ctx.quick ? 0.5 : 1;
    const seeded = await ensureSeededStore({ kind: 'registry', awards }, ctx.log);
    ctx.log(
      `  store: ${seeded.stats.totalEvents.toLocaleString('en')} events, ${seeded.stats.awards.toLocaleString('en')} awards — ${seeded.cached ? 'cached' : `seeded in ${((seeded.seedMs ?? 0) / 1000).toFixed(1)} s`}`,
    );
    const projected = await ensureProjected(seeded.file, ctx);
    if (projected.rebuildMs)
      ctx.log(
        `  projected ${projected.events?.toLocaleString('en')} events in ${(projected.rebuildMs / 1000).toFixed(1)} s (cached from now on)`,
      );
    const bundle = await nominationWorkflowBundle();
    // The store by hard link (the stack only reads it); the read models copied: the stack writes into
    // them (checkpoints, the access log), and a hard-linked file loses its WAL with the scratch directory.
    const stack = await startStack(bundle, (dir) => {
      linkSync(seeded.file, join(dir, 'events.sqlite'));
      copyFileSync(projected.file, join(dir, 'read-models.sqlite'));
    });
    const http = new HttpClient(stack.url);
    const gen = forkTs('http/loadgen.ts');
    const bare = forkTs('http/bare-server.ts');
    const rows: Row[] = [];
    let floors: NestFloor[] = [];
    const details: Record<string, unknown> = {
      awards: seeded.stats.awards,
      events: seeded.stats.totalEvents,
      concurrency,
      seconds,
      projectedInMs: projected.rebuildMs,
      endpoints: {},
    };
    try {
      await waitForHttp(http, '/health', stackStartupTimeoutMs());
      const { thanhtra: token } = await login(http, ['thanhtra']);
      const { port } = await nextMessage<{ type: 'ready'; port: number }>(bare, 'ready');
      await nextMessage(gen, 'ready');
      const bareUrl = `http://127.0.0.1:${port}`;
      const failures: Record<string, string> = {};
      // --api-reads-kinds=statistics,nomination: only the kinds whose name starts so (a shorter re-run).
      const kinds = ctx.options['api-reads-kinds']?.split(',').map((k) => k.trim());
      const selected = Object.entries(paths(draftedIds(seeded.file), inFlightIds(projected.file))).filter(
        ([name]) => !kinds || kinds.some((k) => name.startsWith(k)),
      );
      // Beside our framework floor: a Nest app of one route on each adapter, nothing of ours in it.
      if (selected.some(([name]) => name === FRAMEWORK_FLOOR)) floors = await startNestFloors();
      endpoints: for (const [name, kind] of selected) {
        // Unrepeated kinds: the body sample, then one slice per run of ours, none sent twice.
        const sampled = kind.paths.slice(0, 20);
        const rest = kind.paths.slice(sampled.length);
        const perRun = Math.floor(rest.length / reps);
        const runPaths = (rep: number) => (kind.unrepeated ? rest.slice(rep * perRun, (rep + 1) * perRun) : kind.paths);
        // The baseline's body: a real answer of median size for this kind of request.
        const sizes: { size: number; body: string }[] = [];
        for (const p of sampled) {
          const r = await http.send('GET', p, undefined, token);
          if (r.status !== 200) {
            // One kind of request failing does not throw away the others' measurements; the run still fails.
            failures[name] = `GET ${p}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`;
            ctx.log(`  FAILED ${name}: ${failures[name]}`);
            process.exitCode = 1;
            continue endpoints;
          }
          const body = JSON.stringify(r.body);
          sizes.push({ size: Buffer.byteLength(body), body });
        }
        sizes.sort((a, b) => a.size - b.size);
        const sample = sizes[Math.floor(sizes.length / 2)];
        bare.send({ type: 'body', body: sample.body });
        await nextMessage(bare, 'body-set');
        const ours: LoadResult[] = [];
        const base: LoadResult[] = [];
        // CPU milliseconds per request of the serving process (user + system, warm-up included in both
        // the time and the count): unlike latency, it hardly moves with the other jobs on the machine.
        const cpu = { ours: [] as number[], bare: [] as number[] };
        const nest = name === FRAMEWORK_FLOOR ? floors : [];
        const measured = (pid: number | undefined, into: number[], run: () => Promise<LoadResult>) => async () => {
          const before = cpuSecondsOf(pid);
          const r = await run();
          into.push(((cpuSecondsOf(pid) - before) * 1000) / (r.requestsPerSecond * (seconds + warmup)));
          return r;
        };
        try {
          for (let rep = 0; rep < reps; rep++) {
            const list = runPaths(rep);
            const runOurs = measured(stack.pids.embedded, cpu.ours, () =>
              load(gen, { baseUrl: stack.url, paths: list, token, concurrency, seconds, warmupSeconds: warmup }),
            );
            const runBare = measured(bare.pid, cpu.bare, () =>
              load(gen, { baseUrl: bareUrl, paths: list, concurrency, seconds, warmupSeconds: warmup }),
            );
            const runFloors = async () => {
              for (const f of rep % 2 === 0 ? nest : [...nest].reverse())
                f.results.push(
                  await measured(f.child.pid, f.cpu, () =>
                    load(gen, { baseUrl: f.url, paths: list, concurrency, seconds, warmupSeconds: warmup }),
                  )(),
                );
            };
            if (rep % 2 === 0) {
              ours.push(await runOurs());
              await runFloors();
              base.push(await runBare());
            } else {
              base.push(await runBare());
              await runFloors();
              ours.push(await runOurs());
            }
          }
        } catch (err) {
          // As above: errors under load fail the run but keep the other kinds' rows.
          failures[name] = String(err instanceof Error ? err.message : err).slice(0, 300);
          ctx.log(`  FAILED ${name}: ${failures[name]}`);
          process.exitCode = 1;
          continue endpoints;
        }
        ctx.log(
          `  ${name}: ${Math.round(median(ours.map((r) => r.requestsPerSecond)))} req/s (bare ${Math.round(median(base.map((r) => r.requestsPerSecond)))}), ~${sample.size} bytes`,
        );
        // A run that sent more requests than its slice held asked some searches twice (kept pages):
        // said in the log, the details and the rows' name, never hidden.
        const repeated = kind.unrepeated && ours.some((r) => r.sent > perRun);
        if (repeated) ctx.log(`  ${name}: a run cycled its ${perRun} paths — some searches were repeated`);
        (details.endpoints as Record<string, unknown>)[name] = {
          ours,
          bare: base,
          bodyBytes: sample.size,
          cpuMsPerRequest: cpu,
          examplePath: kind.paths[0],
          ...(kind.unrepeated ? { distinctPathsPerRun: perRun, repeated } : {}),
        };
        const label = repeated ? `${name}, some repeated` : name;
        const bareName = `bare node:http, fixed ${sample.size}-byte JSON`;
        const bareRuns = { runs: base, cpu: cpu.bare, name: bareName };
        rows.push(...endpointRows(label, { runs: ours, cpu: cpu.ours }, bareRuns, reps));
        for (const f of nest) {
          const metric = `(floor) Nest + ${f.adapter}, one route, nothing of ours`;
          (details.endpoints as Record<string, Record<string, unknown>>)[name][f.adapter] = {
            runs: [...f.results],
            cpuMsPerRequest: [...f.cpu],
          };
          ctx.log(`  ${metric}: ${Math.round(median(f.results.map((r) => r.requestsPerSecond)))} req/s`);
          rows.push(...endpointRows(metric, { runs: f.results, cpu: f.cpu }, bareRuns, reps));
        }
      }
      if (Object.keys(failures).length) details.failures = failures;
      const mem = stack.pids.embedded ? memoryOf(stack.pids.embedded) : undefined;
      if (mem)
        rows.push(
          row({
            scenario: '4 API reads',
            metric: 'peak RSS API+worker+projections process',
            unit: 'MiB',
            ours: mem.peakRssMiB,
            reps: 1,
          }),
        );
      details.memory = { embedded: mem, temporal: stack.pids.temporal ? memoryOf(stack.pids.temporal) : undefined };
    } finally {
      http.close();
      await stopChild(gen);
      await stopChild(bare);
      for (const f of floors) await stopChild(f.child);
      await stack.stop();
    }
    return { rows, details };
  },
};

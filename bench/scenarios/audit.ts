/**
 * Scenario 5 (issue 13): the tamper-evident audit log.
 *  - Hashing overhead on append: SqliteEventStore with its audit log beside the same store without it
 *    (`audit: false`), single-event appends and 100-event batches, both stores open and each append
 *    alternated between them. Target: ratio ≥ 0.9. An append writes its rows only; the leaves are
 *    hashed after the commit on a second thread (`LeafHashingThread`) and stored with their nodes by a
 *    follower that runs on this thread between the timed appends (inside the next one's time); what
 *    is left after the appends is reported beside, with a ratio that counts it. The whole process's
 *    CPU (the hashing thread's too) is reported beside the appending thread's, and the share of the
 *    leaves that thread hashed (the rest: computed from the rows by the follower).
 *    `--audit-aa=on|off` opens both stores alike (an A/A check of the noise).
 *  - Proof generation at the seeded store's size (1M events; quick: 50k): an inclusion proof for a
 *    random event by id (lookup + path from the stored tree) and a consistency proof between random
 *    sizes, p50/p99, beside the same proofs from a tree held wholly in memory (the floor).
 *  - `audit:verify` of an export of that store: export, then the whole offline verification
 *    (leaves, signatures, roots, consistency, registry rebuilt), beside a bare read + JSON.parse of
 *    the same file. Target: < 60 s at 1M events.
 */
import Database from 'better-sqlite3';
import { createInterface } from 'node:readline';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import {
  consistencyProof,
  inclusionProof,
  loadCheckpointSigner,
  MemoryTree,
  SqliteEventStore,
  type EventToAppend,
} from '@tdkt/event-store';
import { AwardRegistryProjection, rebuild, SqliteReadModelDb } from '@tdkt/projections';
import { exportBundle } from '../../scripts/audit/export-bundle';
import { verifyBundle } from '../../scripts/audit/verify-bundle';
import { NominationGenerator } from '../seed/nomination-generator';
import { ensureSeededStore } from '../seed/seed-store';
import { DATA_DIR, scratchDir } from '../lib/paths';
import { row } from '../lib/report';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { median, now, summarise } from '../lib/stats';

const STREAMS = 100;

function sampleEvents(count: number): EventToAppend[] {
  const g = new NominationGenerator({ expectedEvents: count, seed: 11 });
  const out: EventToAppend[] = [];
  while (out.length < count) for (const e of g.next().events) out.push(e);
  return out.slice(0, count);
}

const uuidOf = (rep: number, i: number) =>
  `00000000-0000-4000-8000-${(rep * 10_000_000 + i).toString(16).padStart(12, '0')}`;

/**
 * Append rates (events/s) of the store with its audit log and without it, side by side: both stores
 * open, each batch appended to one then the other (the order alternating), each append timed. Load
 * that drifts over seconds on a shared machine hits both alike.
 */
async function appendRates(
  events: EventToAppend[],
  batch: number,
  rep: number,
  modes: [boolean, boolean],
): Promise<{
  on: number;
  off: number;
  followerMs: number;
  cpuUs: [number, number];
  processCpuUs: [number, number];
  followerCpuUs: number;
  helperShare: number;
}> {
  const scratch = scratchDir('audit-append');
  const stores = modes.map(
    (audit, k) => new SqliteEventStore({ filename: join(scratch.dir, `events-${k}.sqlite`), audit }),
  );
  const revisions = [0, 1].map(() => new Array<number>(STREAMS).fill(-1));
  const ms = [0, 0];
  // Main-thread CPU per store (µs): the append is synchronous, so this is its own work, which the
  // other jobs on a shared machine move far less than the wall time.
  const cpu = [0, 0];
  // The whole process's CPU too: the leaf-hashing helper thread works while the append runs.
  const processCpu = [0, 0];
  try {
    for (let i = 0; i < events.length; i += batch) {
      const s = (i / batch) % STREAMS;
      for (const k of (i / batch + rep) % 2 ? [1, 0] : [0, 1]) {
        const slice = events.slice(i, i + batch).map((e, j) => ({ ...e, id: uuidOf(rep * 2 + k, i + j) }));
        const c0 = process.threadCpuUsage();
        const p0 = process.cpuUsage();
        const t0 = now();
        await stores[k].append(`nomination-s${s}`, slice, revisions[k][s] < 0 ? 'no_stream' : revisions[k][s]);
        ms[k] += now() - t0;
        const c = process.threadCpuUsage(c0);
        const p = process.cpuUsage(p0);
        cpu[k] += c.user + c.system;
        processCpu[k] += p.user + p.system;
        revisions[k][s] += slice.length;
      }
    }
    // The follower's work for the leaves still without nodes. The store commits each append one
    // event-loop turn after it is asked for (group commit), so its follower, queued after a commit, runs
    // inside the next timed append: what is left here is the last leaves' share.
    const c0 = process.threadCpuUsage();
    const t0 = now();
    if (modes[0]) stores[0].auditLog().completeNodes();
    const followerMs = now() - t0;
    const c = process.threadCpuUsage(c0);
    const hashed = modes[0] ? stores[0].auditLog().leafHashing() : { helper: 0, appender: 0 };
    return {
      on: events.length / (ms[0] / 1000),
      off: events.length / (ms[1] / 1000),
      followerMs,
      cpuUs: [cpu[0] / events.length, cpu[1] / events.length],
      processCpuUs: [processCpu[0] / events.length, processCpu[1] / events.length],
      followerCpuUs: (c.user + c.system) / events.length,
      helperShare: hashed.helper / events.length,
    };
  } finally {
    for (const store of stores) await store.close();
    scratch.remove();
  }
}

export const auditScenario: Scenario = {
  id: 'audit',
  title: '5. Audit log: hashing overhead on append, proof generation, offline verification',
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    const rows = [];
    const details: Record<string, unknown> = {};

    // Parts to run (--audit-parts=append,proofs,verify; default all): proofs and verify share the seeded store.
    const parts = String(ctx.options['audit-parts'] ?? 'append,proofs,verify').split(',');

    // 1. Overhead on append.
    const reps = Number(ctx.options['audit-reps'] ?? (ctx.quick ? 2 : 4));
    const aa = ctx.options['audit-aa'] as string | undefined;
    const modes: [boolean, boolean] = aa ? [aa === 'on', aa === 'on'] : [true, false];
    const aaNote = aa ? ` (A/A check: both stores audit ${aa})` : '';
    const single = sampleEvents(ctx.quick ? 500 : 2_000);
    const batched = sampleEvents(ctx.quick ? 5_000 : 20_000);
    for (const [label, events, batch] of parts.includes('append')
      ? ([
          ['single-event appends', single, 1],
          ['100-event batches', batched, 100],
        ] as const)
      : []) {
      const on: number[] = [];
      const off: number[] = [];
      const followerUs: number[] = [];
      const withFollower: number[] = [];
      const cpuRatios: number[] = [];
      const cpuRatiosWithFollower: number[] = [];
      const cpuUs: [number, number, number][] = [];
      const processCpuRatios: number[] = [];
      const helperShares: number[] = [];
      for (let rep = 0; rep < reps; rep++) {
        const r = await appendRates(events, batch, rep, modes);
        on.push(r.on);
        off.push(r.off);
        followerUs.push((r.followerMs * 1000) / events.length);
        withFollower.push(events.length / (events.length / r.on + r.followerMs / 1000));
        cpuRatios.push(r.cpuUs[1] / r.cpuUs[0]);
        cpuRatiosWithFollower.push(r.cpuUs[1] / (r.cpuUs[0] + r.followerCpuUs));
        cpuUs.push([r.cpuUs[0], r.cpuUs[1], r.followerCpuUs]);
        processCpuRatios.push(r.processCpuUs[1] / (r.processCpuUs[0] + r.followerCpuUs));
        helperShares.push(r.helperShare);
      }
      const load = loadavg()[0].toFixed(1);
      const ratios = on.map((v, i) => v / off[i]);
      ctx.log(
        `  ${label}${aaNote}: with audit log ${on.map(Math.round).join(', ')}/s; without ${off.map(Math.round).join(', ')}/s; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}; follower ${followerUs.map((u) => u.toFixed(1)).join(', ')} µs/event; CPU ratios ${cpuRatios.map((r) => r.toFixed(2)).join(', ')} (with follower ${cpuRatiosWithFollower.map((r) => r.toFixed(2)).join(', ')}); whole-process CPU ratios with follower ${processCpuRatios.map((r) => r.toFixed(2)).join(', ')}; leaves hashed by the helper thread ${helperShares.map((r) => `${Math.round(r * 100)} %`).join(', ')} (load ${load})`,
      );
      details[label] = {
        modes,
        on,
        off,
        ratios,
        followerUsPerEvent: followerUs,
        ratiosWithFollower: withFollower.map((v, i) => v / off[i]),
        /** Main-thread CPU µs an event: [audit on, off, the follower's], and ratios off / on. */
        cpuUsPerEvent: cpuUs,
        cpuRatios,
        cpuRatiosWithFollower,
        /** Whole-process CPU (every thread, the hashing helper's too) off ÷ on + follower. */
        processCpuRatios,
        /** Share of the leaves the helper thread hashed (the rest: the appending thread). */
        helperShares,
        loadAverage: loadavg(),
      };
      rows.push(
        row({
          scenario: '5 audit',
          metric: `append with audit log, ${label}${aaNote}`,
          unit: 'events/s',
          ours: median(on),
          baseline: median(off),
          baselineName: 'same store, audit log off',
          reps,
          note: `target ratio ≥ 0.9; load average ${load}`,
        }),
        row({
          scenario: '5 audit',
          metric: `(diagnostic) append + node follower, ${label}${aaNote}`,
          unit: 'events/s',
          ours: median(withFollower),
          baseline: median(off),
          baselineName: 'same store, audit log off',
          reps,
          note: `follower ${median(followerUs).toFixed(2)} µs/event after the appends`,
        }),
        row({
          scenario: '5 audit',
          metric: `(diagnostic) main-thread CPU ratio (off ÷ on), ${label}${aaNote}`,
          unit: 'ratio',
          ours: median(cpuRatios),
          reps,
          note: `with the follower's CPU ${median(cpuRatiosWithFollower).toFixed(2)}; whole process (the hashing helper's thread too) with the follower ${median(processCpuRatios).toFixed(2)}; µs/event on ${median(cpuUs.map((c) => c[0])).toFixed(1)}, off ${median(cpuUs.map((c) => c[1])).toFixed(1)}, follower ${median(cpuUs.map((c) => c[2])).toFixed(1)}`,
        }),
      );
    }

    if (!parts.includes('proofs') && !parts.includes('verify')) return { rows, details };

    // 2. Proofs at the seeded store's size.
    const size = Number(ctx.options['audit-size'] ?? (ctx.quick ? 50_000 : 1_000_000));
    const seeded = await ensureSeededStore({ kind: 'realistic', events: size }, ctx.log);
    let t0 = now();
    const store = new SqliteEventStore({ filename: seeded.file });
    const log = store.auditLog();
    // The seeded events' leaves and nodes, stored once (what the first checkpoint of such a store does).
    log.completeNodes();
    const treeSize = await log.size();
    ctx.log(
      `  store: ${treeSize.toLocaleString('en')} leaves (opened and logged in ${((now() - t0) / 1000).toFixed(1)} s)`,
    );
    const samples = ctx.quick ? 300 : 2_000;
    const ids: string[] = [];
    for (let i = 0; i < samples; i++) {
      const [leaf] = await log.readLeaves(Math.floor(Math.random() * treeSize), 1);
      ids.push(leaf.event.id);
    }
    const inclusion: number[] = [];
    for (const id of ids) {
      const t = now();
      const found = await log.findEvent(id);
      await log.inclusionProof(found!.index, treeSize);
      inclusion.push(now() - t);
    }
    const consistency: number[] = [];
    for (let i = 0; i < samples; i++) {
      const from = 1 + Math.floor(Math.random() * (treeSize - 1));
      const t = now();
      await log.consistencyProof(from, treeSize);
      consistency.push(now() - t);
    }
    t0 = now();
    const memory = new MemoryTree();
    for (let i = 0; i < treeSize; i += 100_000) for (const h of await log.leafHashes(i, 100_000)) memory.append(h);
    const memoryBuildS = (now() - t0) / 1000;
    const memInclusion: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = now();
      inclusionProof(memory, Math.floor(Math.random() * treeSize), treeSize);
      memInclusion.push(now() - t);
    }
    const memConsistency: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = now();
      consistencyProof(memory, 1 + Math.floor(Math.random() * (treeSize - 1)), treeSize);
      memConsistency.push(now() - t);
    }
    const [inc, con, minc, mcon] = [inclusion, consistency, memInclusion, memConsistency].map(summarise);
    details.proofs = {
      treeSize,
      inclusion: inc,
      consistency: con,
      memoryInclusion: minc,
      memoryConsistency: mcon,
      memoryBuildS,
    };
    const M = `${(treeSize / 1e6).toLocaleString('en')}M`;
    rows.push(
      row({
        scenario: '5 audit',
        metric: `inclusion proof by event id p99, ${M} events`,
        unit: 'ms',
        ours: inc.p99,
        baseline: minc.p99,
        baselineName: `in-memory tree (built in ${memoryBuildS.toFixed(1)} s)`,
        reps: samples,
        note: `p50 ${inc.p50}`,
      }),
      row({
        scenario: '5 audit',
        metric: `consistency proof p99, ${M} events`,
        unit: 'ms',
        ours: con.p99,
        baseline: mcon.p99,
        baselineName: 'in-memory tree',
        reps: samples,
        note: `p50 ${con.p50}`,
      }),
    );

    // 3. Export and offline verification.
    const scratch = scratchDir('audit-export');
    try {
      const readDb = SqliteReadModelDb.open(join(scratch.dir, 'read-models.sqlite'));
      t0 = now();
      await rebuild(readDb, store, { projections: [new AwardRegistryProjection()] });
      const registryS = (now() - t0) / 1000;
      // Checkpoints left in the cached store by earlier runs may carry another key (runs before the key was cached).
      const raw = new Database(seeded.file);
      raw.exec('DELETE FROM audit_checkpoints');
      raw.close();
      const file = join(scratch.dir, 'export.jsonl');
      t0 = now();
      const exported = await exportBundle({
        log,
        readDb, // The cached store keeps the checkpoints of earlier runs: sign with the same (cached) key.
        signer: loadCheckpointSigner(join(DATA_DIR, 'audit-bench-signing-key.pem'), { create: true }),
        out: file,
      });
      const exportS = (now() - t0) / 1000;
      await readDb.close();
      t0 = now();
      const cpu0 = process.cpuUsage(); // the process's, worker thread included
      const main0 = process.threadCpuUsage(); // this thread's alone
      const report = await verifyBundle(file);
      const verifyS = (now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const main = process.threadCpuUsage(main0);
      const verifyCpuS = (cpu.user + cpu.system) / 1e6;
      const verifyMainCpuS = (main.user + main.system) / 1e6;
      const verifyLoad = loadavg()[0].toFixed(1);
      if (!report.ok) throw new Error(`The untouched export did not verify: ${report.failures.slice(0, 3).join('; ')}`);
      t0 = now();
      let lines = 0;
      for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
        JSON.parse(text);
        lines++;
      }
      const parseS = (now() - t0) / 1000;
      const mib = statSync(file).size / 2 ** 20;
      ctx.log(
        `  export ${exported.events.toLocaleString('en')} events (${mib.toFixed(0)} MiB) in ${exportS.toFixed(1)} s; verify ${verifyS.toFixed(1)} s (CPU ${verifyCpuS.toFixed(1)} s, main thread ${verifyMainCpuS.toFixed(1)} s, load ${verifyLoad}); read+parse ${parseS.toFixed(1)} s (${lines} lines)`,
      );
      details.verify = {
        events: exported.events,
        mib,
        registryS,
        exportS,
        verifyS,
        verifyCpuS,
        verifyMainCpuS,
        verifyLoad,
        parseS,
        passed: report.passed,
      };
      rows.push(
        row({
          scenario: '5 audit',
          metric: `audit:verify of a ${M}-event export`,
          unit: 's',
          ours: verifyS,
          baseline: parseS,
          baselineName: 'read + JSON.parse of the same file',
          reps: 1,
          note: `target < 60 s; CPU ${verifyCpuS.toFixed(1)} s (main thread ${verifyMainCpuS.toFixed(1)} s); load average ${verifyLoad}`,
        }),
        row({
          scenario: '5 audit',
          metric: `(diagnostic) audit:export of ${M} events`,
          unit: 's',
          ours: exportS,
          reps: 1,
          note: `${mib.toFixed(0)} MiB`,
        }),
      );
    } finally {
      await store.close();
      scratch.remove();
    }
    return { rows, details };
  },
};

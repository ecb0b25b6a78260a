/**
 * Scenario 7 (issue 12): an award-history list of 10,000 rows imported in one go — the .xlsx read
 * (exceljs), every row's nominee looked up in the people read model, every nominee's history read,
 * the all-or-nothing plan ("one achievement, one award" included), then one append per nominee.
 * Also the dry run and the same file sent again (idempotent: nothing written). Baseline: reading
 * the same file with exceljs and appending the same events with no look-up and no check.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadAwardCatalog, loadOrganisation, OrganisationDirectory } from '@tdkt/config';
import { historyRecordId, nomineeStreamName, SYSTEM_ACTOR, type Actor, type PersonCommand } from '@tdkt/domain';
import { deterministicEventId, SqliteEventStore, type EventToAppend } from '@tdkt/event-store';
import { openReadModelDb, PeopleProjection, ProjectionRunner } from '@tdkt/projections';
import { importAwardHistory } from '../../apps/api/src/people/award-history-import';
import { HISTORY_COLUMNS } from '../../apps/api/src/people/award-history-xlsx';
import { handlePersonCommand, metadataOf } from '../../apps/api/src/people/people-writes';
import { REPO_ROOT, scratchDir } from '../lib/paths';
import { row } from '../lib/report';
import type { Scenario } from '../lib/scenario';
import { now } from '../lib/stats';

const UNITS = ['donvi1', 'donvi2', 'donvi3', 'donvi4'];
const AWARDS = [
  ['LAO_DONG_TIEN_TIEN', 2024],
  ['CSTD_CO_SO', 2024],
  ['LAO_DONG_TIEN_TIEN', 2025],
  ['CSTD_CO_SO', 2025],
] as const;
const office: Actor = { userId: 'thuky', roles: ['COUNCIL_SECRETARY'] };

/** `rows` entries: `rows / 4` people, four awards each. */
async function listOf(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Quá trình khen thưởng');
  sheet.addRow(HISTORY_COLUMNS.map((c) => c.header));
  for (let i = 0; i < rows; i++) {
    const [code, year] = AWARDS[i % AWARDS.length];
    const person = `p-bench-${Math.floor(i / AWARDS.length)}`;
    sheet.addRow([person, '', '', code, '', year, `${i + 1}/QĐ-BENCH`, `${year}-12-20`, 'Thủ trưởng đơn vị', '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function freshStore(people: number) {
  const scratch = scratchDir('award-history');
  const store = new SqliteEventStore({ filename: join(scratch.dir, 'events.sqlite') });
  const readDb = await openReadModelDb({ sqliteFile: join(scratch.dir, 'read-models.sqlite') });
  const at = '2026-03-01T02:00:00.000Z';
  for (let p = 0; p < people; p++) {
    const command: PersonCommand = {
      type: 'RegisterPerson',
      personId: `p-bench-${p}`,
      unitId: UNITS[p % UNITS.length],
      details: { fullName: `Người thử ${p}` },
      actor: SYSTEM_ACTOR,
      now: at,
    };
    await handlePersonCommand(store, command, 'register');
  }
  const runner = new ProjectionRunner(readDb, store, { projections: [new PeopleProjection()] });
  await runner.start();
  await runner.waitForPosition(await store.headPosition(), 120_000);
  await runner.stop();
  return {
    store,
    readDb,
    close: async () => {
      await readDb.close();
      await store.close();
      scratch.remove();
    },
  };
}

export const awardHistoryImportScenario: Scenario = {
  id: 'award-history',
  title: '7. Award history: an .xlsx list of 10,000 rows imported in one go (all or nothing, idempotent)',
  async run({ quick, log, options }) {
    const rows = Number(options['history-rows'] ?? (quick ? 2_000 : 10_000));
    const people = Math.ceil(rows / AWARDS.length);
    const file = await listOf(rows);
    const deps = {
      directory: new OrganisationDirectory(loadOrganisation(join(REPO_ROOT, 'config', 'demo-organisation.json'))),
      catalog: loadAwardCatalog(join(REPO_ROOT, 'config', 'award-catalog.json')),
    };
    log(`  ${rows} rows for ${people} people (${(file.length / 1024).toFixed(0)} KiB)`);

    const ours = await freshStore(people);
    let dryMs: number, importMs: number, againMs: number, imported: number, again: number;
    try {
      const env = { ...deps, store: ours.store, readDb: ours.readDb };
      let t0 = now();
      const dry = await importAwardHistory(env, office, file, true);
      dryMs = now() - t0;
      if (dry.errors.length) throw new Error(`dry run found errors: ${JSON.stringify(dry.errors.slice(0, 3))}`);
      t0 = now();
      imported = (await importAwardHistory(env, office, file, false)).imported;
      importMs = now() - t0;
      t0 = now();
      again = (await importAwardHistory(env, office, file, false)).imported;
      againMs = now() - t0;
    } finally {
      await ours.close();
    }
    if (imported !== rows || again !== 0)
      throw new Error(`imported ${imported} then ${again}, expected ${rows} then 0`);

    // Baseline: exceljs reads the file, and the same events go to the store, one append per person, unchecked.
    const base = await freshStore(people);
    let baseMs: number;
    try {
      const t0 = now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as unknown as ArrayBuffer);
      const byPerson = new Map<string, EventToAppend[]>();
      const at = new Date().toISOString();
      wb.worksheets[0].eachRow((r, n) => {
        if (n === 1) return;
        const v = (i: number) => String(r.getCell(i).value ?? '');
        const personId = v(1);
        const award = {
          awardCode: v(4),
          campaignId: `history-${v(6)}`,
          year: Number(v(6)),
          nominationId: historyRecordId({ awardCode: v(4), year: Number(v(6)), decisionNumber: v(7) }),
          decisionNumber: v(7),
          decisionDate: v(8),
          authority: v(9),
          oneOff: false,
        };
        const stream = nomineeStreamName(personId);
        const list = byPerson.get(personId) ?? [];
        list.push({
          id: deterministicEventId(stream, award.nominationId, 'award'),
          type: 'NomineeAwardRecorded',
          data: { nomineeId: personId, award, source: 'IMPORTED', at },
          metadata: metadataOf(office, 'COUNCIL_SECRETARY', at, personId),
        });
        byPerson.set(personId, list);
      });
      for (const [personId, events] of byPerson) await base.store.append(nomineeStreamName(personId), events, 'any');
      baseMs = now() - t0;
    } finally {
      await base.close();
    }
    const s = (ms: number) => ms / 1000;
    return {
      rows: [
        row({
          scenario: `7 award history ${rows} rows`,
          metric: 'import (read, look up, plan, record)',
          unit: 's',
          ours: s(importMs),
          baseline: s(baseMs),
          baselineName: 'exceljs read + unchecked appends',
          reps: 1,
        }),
        row({
          scenario: `7 award history ${rows} rows`,
          metric: 'dry run (nothing written)',
          unit: 's',
          ours: s(dryMs),
          reps: 1,
        }),
        row({
          scenario: `7 award history ${rows} rows`,
          metric: 'same file again (adds nothing)',
          unit: 's',
          ours: s(againMs),
          reps: 1,
        }),
      ],
      details: { rows, people, fileBytes: file.length, dryMs, importMs, againMs, baseMs },
    };
  },
};

/**
 * The import is checked whole, then written one nominee at a time. A crash between two nominees
 * leaves some written: sending the same file again finishes it, and nothing is recorded twice
 * (each entry's id derives from the entry, and a held entry is skipped). Real SQLite event store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadAwardCatalog, loadOrganisation, OrganisationDirectory } from '@tdkt/config';
import type { Actor } from '@tdkt/domain';
import { SqliteEventStore, type EventStore } from '@tdkt/event-store';
import type { ReadModelDb } from '@tdkt/projections';
import { importAwardHistory, type ImportDeps } from './award-history-import';
import { HISTORY_COLUMNS } from './award-history-xlsx';
import { readNomineeHistory } from './people-writes';

const ROOT = join(__dirname, '../../../..');
const office: Actor = { userId: 'thuky', roles: ['COUNCIL_SECRETARY'] };
const UNITS = ['donvi1', 'donvi2', 'donvi3', 'donvi4'];
const YEAR = new Date().getUTCFullYear() - 1;

async function file(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Quá trình khen thưởng');
  sheet.addRow(HISTORY_COLUMNS.map((c) => c.header));
  UNITS.forEach((unit, i) =>
    sheet.addRow([
      unit,
      '',
      '',
      'TAP_THE_LDXS',
      '',
      YEAR,
      `${40 + i}/QĐ-UBND`,
      `28/12/${YEAR}`,
      'Chủ tịch UBND tỉnh',
      '',
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The store, failing every append after the first `n` (the process dies there). */
function crashingAfter(store: EventStore, n: number): EventStore {
  let appends = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'append')
        return (...args: Parameters<EventStore['append']>) => {
          if (++appends > n) return Promise.reject(new Error('simulated crash: the process stopped here'));
          return target.append(...args);
        };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('an award-history import interrupted midway', () => {
  let dir: string;
  let store: SqliteEventStore;
  let deps: Omit<ImportDeps, 'store'>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-import-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    deps = {
      // Collectives by unit id: no person is looked up in the read model.
      readDb: {} as ReadModelDb,
      directory: new OrganisationDirectory(loadOrganisation(join(ROOT, 'config/demo-organisation.json'))),
      catalog: loadAwardCatalog(join(ROOT, 'config/award-catalog.json')),
    };
  });
  afterAll(async () => {
    await store.close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const held = async () =>
    Promise.all(UNITS.map(async (u) => (await readNomineeHistory(store, u)).record.awards.length));

  it('is finished by sending the same file again; every entry recorded once', async () => {
    const xlsx = await file();
    await expect(importAwardHistory({ ...deps, store: crashingAfter(store, 2) }, office, xlsx, false)).rejects.toThrow(
      'simulated crash',
    );
    expect(await held()).toEqual([1, 1, 0, 0]);

    const again = await importAwardHistory({ ...deps, store }, office, xlsx, false);
    expect(again).toMatchObject({ rows: 4, imported: 2, alreadyRecorded: 2, errors: [] });
    expect(await held()).toEqual([1, 1, 1, 1]);

    const thrice = await importAwardHistory({ ...deps, store }, office, xlsx, false);
    expect(thrice).toMatchObject({ imported: 0, alreadyRecorded: 4 });
    expect(await held()).toEqual([1, 1, 1, 1]);
  });
});

/**
 * The campaigns read model on SQLite and PostgreSQL: campaigns, registrations and the clusters'
 * scorings, written by the real deciders (the demo seed, then a cluster's scores and ranking),
 * folded in batches of any size, read back through the queries the API uses, scope filtered in SQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAwardCatalog, loadOrganisation, OrganisationDirectory } from '@tdkt/config';
import { readScopeOf, type Actor } from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import {
  getCampaign,
  getClusterScoring,
  listCampaigns,
  listRegistrations,
  ProjectionRunner,
  type ReadModelDb,
} from '@tdkt/projections';
import { loadCampaign, loadCampaignSeeds, runScoringCommand, seedCampaigns } from '@tdkt/temporal';
import { backends, type BackendFactory, type ReadModelBackend } from './support/read-model-backends';

const REPO = join(__dirname, '..', '..');

describe.each(backends)('campaigns read model on %s', (_name, createBackend: BackendFactory) => {
  let dir: string;
  let store: SqliteEventStore;
  let backend: ReadModelBackend;
  let db: ReadModelDb;
  const directory = new OrganisationDirectory(loadOrganisation(join(REPO, 'config', 'demo-organisation.json')));
  const catalog = loadAwardCatalog(join(REPO, 'config', 'award-catalog.json'));
  const leader = directory.actorFor('truongcum.cum1')!;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-campaigns-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    backend = createBackend();
    db = await backend.open();
    await seedCampaigns(store, loadCampaignSeeds(join(REPO, 'config', 'demo-campaigns.json')), { directory, catalog });
    const demo = (await loadCampaign(store, 'dong-khoi-moi-2026'))!;
    const campaign = {
      campaignId: 'dong-khoi-moi-2026',
      year: 2026,
      status: demo.status,
      scoringTable: demo.definition.scoringTable,
    };
    const base = {
      clusterId: 'cum1',
      year: 2026,
      actor: leader,
      now: '2026-12-05T02:00:00.000Z',
      campaign,
      memberUnitIds: ['donvi1', 'donvi2'],
    };
    const scores = (v: number) => Object.fromEntries(campaign.scoringTable.map((c) => [c.code, v]));
    await runScoringCommand(store, { ...base, type: 'RecordUnitScores', unitId: 'donvi1', scores: scores(90) }, 's1');
    await runScoringCommand(store, { ...base, type: 'RecordUnitScores', unitId: 'donvi2', scores: scores(80) }, 's2');
    await runScoringCommand(store, { ...base, type: 'RecordUnitScores', unitId: 'donvi1', scores: scores(95) }, 's3');
    await runScoringCommand(
      store,
      {
        ...base,
        type: 'AgreeClusterRanking',
        ranking: ['donvi1', 'donvi2'],
        leadingUnitIds: ['donvi1'],
        minutes: { number: '05/BB-CTĐ1', heldOn: '2026-12-05', summary: 'Thống nhất', attendees: [] },
      },
      'rank',
    );
  });
  afterEach(async () => {
    await db.close();
    await backend.dispose();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const catchUp = async (batchSize: number) => {
    const runner = new ProjectionRunner(db, store, { live: false, batchSize });
    await runner.start();
    await runner.ready;
    await runner.stop();
  };

  async function everything(reader: Actor) {
    return {
      campaigns: await listCampaigns(db),
      demo: (await getCampaign(db, 'dong-khoi-moi-2026'))?.state,
      registrations: await listRegistrations(db, 'dong-khoi-moi-2026', readScopeOf(reader)),
      scoring: await getClusterScoring(db, 'cum1', 2026),
    };
  }

  it('folds campaigns, registrations and scorings the same whatever the batch size', async () => {
    await catchUp(1);
    const oneByOne = await everything(directory.actorFor('thuky')!);
    expect(oneByOne.campaigns.map((c) => [c.id, c.kind, c.status, c.registrations])).toEqual([
      ['chung-suc-ntm-2026', 'THEMATIC', 'NOMINATIONS_OPEN', 1],
      ['dong-khoi-moi-2026', 'ANNUAL', 'NOMINATIONS_OPEN', 4],
      ['dong-khoi-moi-2025', 'ANNUAL', 'NOMINATIONS_OPEN', 4],
    ]);
    expect(oneByOne.demo).toMatchObject({ launchDocument: { number: '11/KH-UBND' } });
    expect(oneByOne.registrations.map((r) => r.unitId)).toEqual(['donvi1', 'donvi2', 'donvi3', 'donvi4']);
    expect(oneByOne.scoring?.state.status).toBe('RANKED');
    expect(oneByOne.scoring?.units.map((u) => [u.unitId, u.total, u.rank, u.leading])).toEqual([
      ['donvi1', 95, 1, true],
      ['donvi2', 80, 2, false],
    ]);

    await db.close();
    await backend.dispose();
    backend = createBackend();
    db = await backend.open();
    await catchUp(500);
    expect(await everything(directory.actorFor('thuky')!)).toEqual(oneByOne);
  });

  it('limits registrations and unit scores to the reader’s scope in SQL', async () => {
    await catchUp(50);
    const units = async (username: string) =>
      (await listRegistrations(db, 'dong-khoi-moi-2026', readScopeOf(directory.actorFor(username)!))).map(
        (r) => r.unitId,
      );
    expect(await units('thutruong.donvi3')).toEqual(['donvi3']);
    expect(await units('truongcum.cum1')).toEqual(['donvi1', 'donvi2']);
    expect(await units('thanhtra')).toEqual(['donvi1', 'donvi2', 'donvi3', 'donvi4']);
    const own = await getClusterScoring(db, 'cum1', 2026, ['donvi2']);
    expect(own?.units.map((u) => [u.unitId, u.rank])).toEqual([['donvi2', 2]]);
    expect(await getClusterScoring(db, 'cum2', 2026)).toBeUndefined();
  });
});

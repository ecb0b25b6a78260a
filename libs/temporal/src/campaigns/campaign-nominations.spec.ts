/**
 * Nominations in campaigns run as event streams, through the real activity and the SQLite store:
 * the campaign is loaded from its stream, its deadline holds at submission (one-off excepted), a
 * closed campaign refuses drafts, an unregistered unit gets no annual title, and an award from a
 * thematic campaign is no ground for the provincial fighter title.
 */
import { join } from 'node:path';
import { loadAwardCatalog, loadOrganisation, OrganisationDirectory } from '@tdkt/config';
import {
  nominationStreamName,
  type Actor,
  type AwardCatalog,
  type CampaignDefinition,
  type NominationIntent,
} from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import type { ApplyCommandInput, NominationActivities } from '../contracts';
import { createNominationActivities } from '../activities/nomination.activities';
import { importPriorAwards } from '../activities/prior-awards';
import { loadCampaign, runCampaignCommand } from './campaign-streams';
import { loadCampaignSeeds, seedCampaigns } from './seed-campaigns';

const REPO = join(__dirname, '..', '..', '..', '..');
const office: Actor = { userId: 'thuky', roles: ['COUNCIL_SECRETARY'] };

describe('Nominations in a campaign run as its own event stream', () => {
  let store: SqliteEventStore;
  let directory: OrganisationDirectory;
  let catalog: AwardCatalog;
  let activities: NominationActivities;
  const actor = (username: string): Actor => directory.actorFor(username)!;

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
    directory = new OrganisationDirectory(loadOrganisation(join(REPO, 'config', 'demo-organisation.json')));
    catalog = loadAwardCatalog(join(REPO, 'config', 'award-catalog.json'));
    activities = createNominationActivities({ store, directory, catalog, decisionAuthority: 'UBND' });
  });
  afterEach(() => store.close());

  async function campaign(
    id: string,
    o: Partial<Omit<CampaignDefinition, 'campaignId'>> = {},
    registered: string[] = [],
    status: 'REGISTRATION_OPEN' | 'NOMINATIONS_OPEN' = 'NOMINATIONS_OPEN',
  ) {
    const at = '2026-02-01T02:00:00.000Z';
    await runCampaignCommand(
      store,
      {
        type: 'CreateCampaign',
        campaignId: id,
        actor: office,
        now: at,
        definition: {
          name: `Đợt ${id}`,
          kind: 'ANNUAL',
          year: 2026,
          period: { start: '2026-01-01', end: '2026-12-31' },
          submissionDeadline: '2026-11-30T17:00:00+07:00',
          criteria: 'Tiêu chí',
          awardCodes: ['BANG_KHEN_TINH', 'CSTD_TINH', 'TAP_THE_LDXS', 'CO_THI_DUA_TINH'],
          participants: { unitIds: [], clusterIds: [] },
          scoringTable: [],
          ...o,
        },
        known: {
          awardCodes: catalog.awards.map((a) => a.code),
          unitIds: ['donvi1', 'donvi3'],
          clusterIds: ['cum1', 'cum2'],
        },
      },
      `create-${id}`,
    );
    await runCampaignCommand(
      store,
      {
        type: 'LaunchCampaign',
        campaignId: id,
        actor: office,
        now: at,
        document: { number: '1/KH-UBND', date: '2026-02-01' },
      },
      `launch-${id}`,
    );
    for (const unit of registered)
      await runCampaignCommand(
        store,
        {
          type: 'RegisterForCampaign',
          campaignId: id,
          actor: actor(`thutruong.${unit}`),
          now: at,
          clusterId: directory.unit(unit)!.clusterId,
          commitment: 'Cam kết hoàn thành xuất sắc nhiệm vụ',
          targetAwardCodes: ['CSTD_TINH'],
        },
        `register-${id}-${unit}`,
      );
    if (status === 'NOMINATIONS_OPEN')
      await runCampaignCommand(
        store,
        { type: 'OpenCampaignNominations', campaignId: id, actor: office, now: at },
        `open-${id}`,
      );
  }

  const apply = (nominationId: string, revision: number, username: string, now: string, intent: unknown) =>
    activities.applyNominationCommand({
      nominationId,
      commandId: `${(intent as { type: string }).type}-${revision}`,
      actor: actor(username),
      now,
      expectedRevision: revision,
      intent: intent as NominationIntent,
    } as ApplyCommandInput);
  const draft = (id: string, campaignId: string, o: Record<string, unknown> = {}) =>
    apply(id, -1, 'canbo.donvi1', '2026-11-01T02:00:00.000Z', {
      type: 'DraftNomination',
      campaignId,
      awardCode: 'BANG_KHEN_TINH',
      nominee: { kind: 'individual', name: 'Trần Thị Bình', nomineeId: `cccd-${id}` },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ',
      ...o,
    });
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e) =>
        (e as { details?: { code?: string }[]; cause?: { details?: { code?: string }[] } }).details?.[0]?.code ??
        String(e),
    );

  it('a submission after the campaign’s deadline is refused; a one-off one is not', async () => {
    await campaign('c-deadline');
    const AFTER = '2026-11-30T10:00:01.000Z'; // one second after 17:00 in Vietnam
    await draft('late', 'c-deadline');
    expect(await refusal(apply('late', 0, 'thutruong.donvi1', AFTER, { type: 'SubmitNomination' }))).toBe(
      'SUBMISSIONS_CLOSED',
    );
    expect(await store.readStream(nominationStreamName('late'))).toHaveLength(1);
    const oneOff = await apply('late', 0, 'thutruong.donvi1', AFTER, { type: 'SubmitNomination', oneOff: true });
    expect(oneOff).toMatchObject({ status: 'COUNCIL_VOTING' });
    // Before the deadline an ordinary submission goes to the cluster.
    await draft('in-time', 'c-deadline');
    expect(
      await apply('in-time', 0, 'thutruong.donvi1', '2026-11-30T09:59:59.000Z', { type: 'SubmitNomination' }),
    ).toMatchObject({
      status: 'CLUSTER_REVIEW',
    });
  });

  it('a draft in a closed campaign is refused when drafted, and one before nominations open too', async () => {
    await campaign('c-closed');
    await runCampaignCommand(
      store,
      { type: 'CloseCampaign', campaignId: 'c-closed', actor: office, now: '2026-10-01T02:00:00.000Z' },
      'close',
    );
    expect(await refusal(draft('in-closed', 'c-closed'))).toBe('CAMPAIGN_CLOSED');
    await campaign('c-registering', {}, [], 'REGISTRATION_OPEN');
    expect(await refusal(draft('too-early', 'c-registering'))).toBe('CAMPAIGN_NOT_OPEN');
    expect(await store.readStream(nominationStreamName('in-closed'))).toEqual([]);
  });

  it('an annual title for a unit that never registered is refused; registered, the same draft is accepted', async () => {
    await campaign('c-unregistered');
    await campaign('c-registered', {}, ['donvi1']);
    const collective = {
      awardCode: 'TAP_THE_LDXS',
      nominee: { kind: 'collective', name: 'Tổ Toán', nomineeId: 'donvi1-to-toan' },
    };
    expect(await refusal(draft('t1', 'c-unregistered', collective))).toBe('NOT_REGISTERED');
    expect(await draft('t2', 'c-registered', collective)).toMatchObject({ status: 'DRAFT' });
  });

  it('a CSTD_CO_SO year from a thematic campaign does not count toward the provincial fighter title (CSTD_TINH)', async () => {
    await campaign('c-annual', {}, ['donvi1']);
    await campaign('ntm-2025', { kind: 'THEMATIC', year: 2025, period: { start: '2025-01-01', end: '2025-12-31' } });
    const history = (nomineeId: string, campaign2025: string) =>
      [2024, 2025, 2026].map((year) => ({
        nomineeId,
        awardCode: 'CSTD_CO_SO',
        campaignId: year === 2025 ? campaign2025 : `unit-donvi1-${year}`,
        year,
        nominationId: `${nomineeId}-cstd-${year}`,
        oneOff: false,
      }));
    await importPriorAwards(store, [
      ...history('cccd-thematic', 'ntm-2025'),
      ...history('cccd-annual', 'unit-donvi1-2025'),
    ]);
    const fighter = (nomineeId: string) => ({
      awardCode: 'CSTD_TINH',
      nominee: { kind: 'individual', name: 'Lê Văn Chiến', nomineeId },
    });
    expect(await refusal(draft('f1', 'c-annual', fighter('cccd-thematic')))).toBe('NOT_ELIGIBLE');
    expect(await draft('f2', 'c-annual', fighter('cccd-annual'))).toMatchObject({ status: 'DRAFT' });
  });

  it('the demo campaigns are seeded as events once: created, launched, registered, opened', async () => {
    const seeds = loadCampaignSeeds(join(REPO, 'config', 'demo-campaigns.json'));
    const first = await seedCampaigns(store, seeds, { directory, catalog });
    expect(first).toEqual(seeds.map((s) => s.definition.campaignId));
    const head = await store.headPosition();
    expect(await seedCampaigns(store, seeds, { directory, catalog })).toEqual([]);
    expect(await store.headPosition()).toBe(head);
    const demo = await loadCampaign(store, 'dong-khoi-moi-2026');
    expect(demo).toMatchObject({ status: 'NOMINATIONS_OPEN', definition: { kind: 'ANNUAL', year: 2026 } });
    expect(Object.keys(demo!.registrations).sort()).toEqual(['donvi1', 'donvi2', 'donvi3', 'donvi4']);
    expect((await loadCampaign(store, 'chung-suc-ntm-2026'))?.definition.kind).toBe('THEMATIC');
  });
});

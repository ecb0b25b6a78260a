/**
 * A retried activity must report what its first attempt wrote, even when the context it reads
 * (council roster, nominee record) changed between the attempts: deciding again on fresh context
 * would hand the workflow events that are not the stored ones, or refuse a command already written.
 */
import { join } from 'node:path';
import { OrganisationDirectory, loadAwardCatalog, loadOrganisation, type Organisation } from '@tdkt/config';
import { nominationStreamName, type Actor, type NominationIntent } from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import { createNominationActivities } from './nomination.activities';
import { recordNomineeAward } from './records';
import type { ApplyCommandInput, NominationActivities } from '../contracts';

const REPO = join(__dirname, '..', '..', '..', '..');
const CAMPAIGN = 'spec-campaign';

function organisation(): Organisation {
  const org = loadOrganisation(join(REPO, 'config', 'demo-organisation.json'));
  return {
    ...org,
    campaigns: [
      ...org.campaigns,
      { id: CAMPAIGN, name: 'Đợt kiểm thử', year: 2026, submissionDeadline: '2099-12-31T17:00:00+07:00', open: true },
    ],
  };
}

describe('applyNominationCommand retried after its append', () => {
  let store: SqliteEventStore;
  let directory: OrganisationDirectory;
  let activities: NominationActivities;
  const actor = (username: string): Actor => directory.actorFor(username)!;
  let n = 0;
  const now = () => new Date(Date.UTC(2026, 2, 1, 8, 0, n++)).toISOString();

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
    directory = new OrganisationDirectory(organisation());
    activities = createNominationActivities({
      store,
      directory,
      catalog: loadAwardCatalog(join(REPO, 'config', 'award-catalog.json')),
      decisionAuthority: 'UBND',
    });
  });
  afterEach(() => store.close());

  const draft = (nominationId: string, nomineeId: string): ApplyCommandInput => ({
    nominationId,
    commandId: `draft-${nominationId}`,
    actor: actor('canbo.donvi1'),
    now: now(),
    expectedRevision: -1,
    intent: {
      type: 'DraftNomination',
      campaignId: CAMPAIGN,
      awardCode: 'BANG_KHEN_TINH',
      nominee: { kind: 'individual', name: 'Nguyễn Văn An', nomineeId },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ',
    } as NominationIntent,
  });

  async function step(
    nominationId: string,
    revision: number,
    username: string,
    intent: ApplyCommandInput['intent'],
    extra: Partial<ApplyCommandInput> = {},
  ) {
    return activities.applyNominationCommand({
      nominationId,
      commandId: `${intent.type}-${revision}`,
      actor: actor(username),
      now: now(),
      expectedRevision: revision,
      intent,
      ...extra,
    });
  }

  it('returns the council roster stored by the first attempt, not the roster as changed since', async () => {
    const id = 'n-roster';
    await activities.applyNominationCommand(draft(id, 'cccd-roster'));
    await step(id, 0, 'thutruong.donvi1', { type: 'SubmitNomination' });
    await step(id, 1, 'truongcum.cum1', { type: 'ReviewAtCluster', decision: 'endorse' });
    const open: ApplyCommandInput = {
      nominationId: id,
      commandId: 'open-1',
      actor: actor('thuky'),
      now: now(),
      expectedRevision: 2,
      intent: { type: 'OpenCouncilVoting' },
      councilDeadline: '2099-01-01T00:00:00.000Z',
    };
    const first = await activities.applyNominationCommand(open);
    // The roster changes before the retry (a member leaves the council).
    const roster = directory.councilMembers();
    jest.spyOn(directory, 'councilMembers').mockReturnValue(roster.slice(1));
    const retry = await activities.applyNominationCommand(open);

    const stored = await store.readStream(nominationStreamName(id));
    expect(stored).toHaveLength(4);
    expect(retry.events).toEqual(first.events);
    expect(retry.events[0].data).toEqual(stored[3].data);
    expect(retry.revision).toBe(first.revision);
  });

  it('reports a stored draft as done even if the nominee record changed meanwhile', async () => {
    const input = draft('n-dup-1', 'cccd-dup');
    const first = await activities.applyNominationCommand(input);
    // Meanwhile another nomination of the same nominee, award and campaign is signed and recorded.
    await recordNomineeAward(store, {
      nomineeId: 'cccd-dup',
      award: {
        awardCode: 'BANG_KHEN_TINH',
        campaignId: CAMPAIGN,
        year: 2026,
        nominationId: 'n-dup-2',
        decisionNumber: '1/QĐ-UBND',
        oneOff: false,
      },
      now: now(),
      source: 'SIGNED',
      actor: actor('chutich'),
      causationId: 'sign-n-dup-2',
    });
    const retry = await activities.applyNominationCommand(input);
    expect(retry).toEqual(first);
    expect(await store.readStream(nominationStreamName('n-dup-1'))).toHaveLength(1);
  });
});

import { forbidden, invalidState, type NominationStatus } from '@tdkt/domain';
import { runByStatus } from './intent-by-status';

type Intent = { type: 'SubmitNomination' | 'ResubmitNomination' };
const submitOrResubmit = (status: NominationStatus): Intent => ({
  type: status === 'RETURNED' ? 'ResubmitNomination' : 'SubmitNomination',
});

/** A read model showing `shown` (null: no row) and a workflow at `actual` (submit from DRAFT, resubmit from RETURNED). */
function world(shown: NominationStatus | null, actual: NominationStatus) {
  const calls = { views: 0, runs: [] as string[] };
  const runtime = {
    queries: { nominationStatus: async () => shown },
    gateway: {
      view: async () => {
        calls.views++;
        return { status: actual };
      },
    },
  } as unknown as Parameters<typeof runByStatus>[0];
  const run = async (intent: Intent) => {
    calls.runs.push(intent.type);
    const allowed = intent.type === 'SubmitNomination' ? actual === 'DRAFT' : actual === 'RETURNED';
    if (!allowed) throw invalidState('WRONG_STAGE', 'Hồ sơ đang ở bước khác, không thực hiện được thao tác này');
    return `${intent.type} accepted`;
  };
  return { calls, go: () => runByStatus(runtime, 'n1', submitOrResubmit, run) };
}

describe('an intent chosen by the nomination’s status (submit, or resubmit once returned)', () => {
  it('is chosen by the read model when it is up to date, without asking the workflow', async () => {
    const { calls, go } = world('RETURNED', 'RETURNED');
    await expect(go()).resolves.toBe('ResubmitNomination accepted');
    expect(calls).toEqual({ views: 0, runs: ['ResubmitNomination'] });
  });

  it('is chosen again by the workflow’s view when the read model was behind, and that one runs', async () => {
    const { calls, go } = world('CLUSTER_REVIEW', 'RETURNED');
    await expect(go()).resolves.toBe('ResubmitNomination accepted');
    expect(calls).toEqual({ views: 1, runs: ['SubmitNomination', 'ResubmitNomination'] });
  });

  it('is refused as the workflow refuses it when its view chooses the same intent (run once)', async () => {
    const { calls, go } = world('CLUSTER_REVIEW', 'CLUSTER_REVIEW');
    await expect(go()).rejects.toMatchObject({ code: 'WRONG_STAGE' });
    expect(calls).toEqual({ views: 1, runs: ['SubmitNomination'] });
  });

  it('asks the workflow when the read model has no row for the nomination yet', async () => {
    const { calls, go } = world(null, 'DRAFT');
    await expect(go()).resolves.toBe('SubmitNomination accepted');
    expect(calls).toEqual({ views: 1, runs: ['SubmitNomination'] });
  });

  it('passes any other refusal on as it is, without asking the workflow', async () => {
    const runtime = {
      queries: { nominationStatus: async () => 'DRAFT' as const },
      gateway: { view: jest.fn() },
    } as unknown as Parameters<typeof runByStatus>[0];
    const refusal = forbidden('OUT_OF_SCOPE', 'Chỉ thủ trưởng đơn vị của hồ sơ được trình');
    await expect(
      runByStatus(runtime, 'n1', submitOrResubmit, async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect((runtime.gateway.view as jest.Mock).mock.calls).toHaveLength(0);
  });
});

import * as f from '../testing/fixtures';
import { SECONDS, at, given } from '../testing/clock-spec';
import { nextAction } from './next-action';
import { stageLimit } from './stage-clock';

describe('The office’s check is a timed stage of its own', () => {
  const inCheck = f.officeStory.inOfficeCheck();

  it('its limit is the catalog’s OFFICE_CHECK, counted from the endorsement', () => {
    const { state, clock } = given(inCheck);
    const config = { ...SECONDS, stageTimeLimits: { ...SECONDS.stageTimeLimits, OFFICE_CHECK: 4 } };
    expect(stageLimit(state, clock, config, at(f.T.reviewed))).toEqual({
      stage: 'OFFICE_CHECK',
      dueAt: at(f.T.reviewed) + 4_000,
      remindAt: at(f.T.reviewed) + 3_200,
    });
    expect(nextAction({ ...config, state, clock, now: at(f.T.reviewed) })?.intent).toMatchObject({
      type: 'IssueStageReminder',
      stage: 'OFFICE_CHECK',
    });
  });

  it('a workflow whose limits predate OFFICE_CHECK times it with the cluster’s limit', () => {
    const { state, clock } = given(inCheck);
    expect(stageLimit(state, clock, SECONDS, at(f.T.reviewed))?.dueAt).toBe(
      at(f.T.reviewed) + SECONDS.stageTimeLimits.CLUSTER_REVIEW * 1_000,
    );
  });
});

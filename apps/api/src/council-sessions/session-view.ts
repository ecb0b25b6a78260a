/**
 * What GET /api/council-sessions/:id shows: the agenda with each item's status, the attendance,
 * and after the close each item's tally, rule and result. Before the close no running count is
 * shown (it could sway who has not voted); secret items show only signatures issued.
 */
import {
  attendanceRequired,
  conflicted,
  type CouncilSessionState,
  type ExistingSession,
  type ItemResult,
} from '@tdkt/domain';
import type { OrganisationDirectory } from '@tdkt/config';

export function sessionView(s: ExistingSession, directory: OrganisationDirectory, times: SessionTimes = {}) {
  const results = new Map<string, ItemResult>((s.results ?? []).map((r) => [r.nominationId, r]));
  const nameOf = (userId: string) => directory.user(userId)?.displayName ?? userId;
  return {
    id: s.sessionId,
    title: s.title,
    scheduledAt: s.scheduledAt,
    status: s.status,
    ...times,
    attendance: {
      members: s.members.map((m) => ({
        userId: m.userId,
        name: nameOf(m.userId),
        present: s.present.includes(m.userId),
        ballot: s.ballots[m.userId] ? (s.ballots[m.userId].inWriting ? 'IN_WRITING' : 'IN_PERSON') : null,
      })),
      present: s.present.length,
      total: s.members.length,
      required: attendanceRequired(s),
      quorum: s.attendance.quorum,
      source: s.attendance.source,
    },
    agenda: s.agenda.map((item, i) => {
      const result = results.get(item.nominationId);
      return {
        no: i + 1,
        nominationId: item.nominationId,
        nominee: item.nominee.name,
        unitId: item.unitId,
        awardCode: item.awardCode,
        awardName: item.awardName,
        secretBallot: item.policy.secretBallot,
        rule: item.policy,
        status: s.status === 'CLOSED' ? 'DECIDED' : s.status === 'OPEN' ? 'VOTING' : 'SCHEDULED',
        recused: [
          ...new Set([
            ...(s.recused[item.nominationId] ?? []),
            ...s.members.filter((m) => conflicted(m, item)).map((m) => m.userId),
          ]),
        ],
        ...(item.policy.secretBallot
          ? { signaturesIssued: Object.keys(s.issued[item.nominationId] ?? {}).length }
          : {}),
        ...(result ? { tally: result.tally, outcome: result.outcome, secret: result.secret ?? null } : {}),
      };
    }),
    withdrawn: (s.withdrawn ?? []).map((w) => ({
      nominationId: w.nominationId,
      nominee: w.nominee.name,
      unitId: w.unitId,
      awardCode: w.awardCode,
      awardName: w.awardName,
      code: w.code,
      reason: w.reason,
      at: w.at,
    })),
  };
}

export interface SessionTimes {
  openedAt?: string;
  closedAt?: string;
}

export const isExisting = (s: CouncilSessionState): s is ExistingSession => s.status !== 'NONE';

/**
 * A one-recipient signature (`POST /api/nominations/:id/signature`) is a decision with one
 * recipient: beside the nomination's AwardDecisionSigned, its decision stream is written with the
 * same number, date and verification code (drafted, signed, applied: through the decision's own
 * decider), so its document, certificate and the verification page's document hash work as for
 * any decision. Idempotent: deterministic event ids, and nothing is written once the stream exists.
 */
import {
  SYSTEM_ACTOR,
  authorityProfile,
  awardDecisionDecider,
  awardDecisionStreamName,
  baseSalaryOn,
  decisionRecipient,
  parseDecisionNumber,
  type Actor,
  type AwardCatalog,
  type AwardDecisionCommand,
  type AwardDecisionEvent,
  type ExistingNomination,
} from '@tdkt/domain';
import type { OrganisationDirectory } from '@tdkt/config';
import { ConcurrencyError, deterministicEventId, type EventStore } from '@tdkt/event-store';
import { sideStreamMetadata } from './event-metadata';
import { yearOf } from './records';

/** The decision id of a nomination signed alone (deterministic: a retry finds the same one). */
export const singleDecisionId = (nominationId: string) => `single-${nominationId}`;

export async function recordSingleDecision(
  store: EventStore,
  p: {
    nomination: ExistingNomination;
    decisionNumber: string;
    verificationCode: string;
    authority: string;
    catalog: AwardCatalog;
    directory: OrganisationDirectory;
    actor: Actor;
    now: string;
    causationId: string;
  },
): Promise<void> {
  const policy = p.catalog.decisions;
  const n = p.nomination;
  const decisionId = singleDecisionId(n.nominationId);
  const stream = awardDecisionStreamName(decisionId);
  if (!policy || (await store.streamRevision(stream)) >= 0) return;
  const profile = authorityProfile(policy, p.authority);
  const baseSalary = baseSalaryOn(p.catalog.baseSalary, p.now);
  const common = { decisionId, now: p.now };
  const commands: AwardDecisionCommand[] = [
    {
      ...common,
      type: 'DraftDecision',
      actor: p.actor,
      kind: 'AWARD',
      authority: p.authority,
      authorityName: profile.name,
      place: profile.place,
      // Signed alone, the number comes from the register (as the nomination's signature took it).
      numbering: 'register',
      title: `Về việc tặng ${n.award.name}`,
      bases: policy.defaultBases,
      awardCodes: [n.award.code],
      recipients: [decisionRecipient(n, p.directory.unit(n.unitId)?.name ?? n.unitId, baseSalary, p.verificationCode)],
      baseSalary,
    },
    {
      ...common,
      type: 'SignDecision',
      actor: p.actor,
      signerName: p.actor.displayName ?? p.actor.userId,
      signerTitle: profile.signerTitle,
      year: yearOf(p.now),
      decisionNumber: p.decisionNumber,
      sequence: parseDecisionNumber(p.decisionNumber, p.authority) ?? 0,
    },
    { ...common, type: 'RecordDecisionApplied', actor: SYSTEM_ACTOR },
  ];
  let state = awardDecisionDecider.initialState();
  const events: AwardDecisionEvent[] = [];
  for (const c of commands)
    for (const e of awardDecisionDecider.decide(c, state)) {
      state = awardDecisionDecider.evolve(state, e);
      events.push(e);
    }
  try {
    await store.append(
      stream,
      events.map((e, i) => ({
        id: deterministicEventId(stream, p.causationId, String(i)),
        type: e.type,
        data: e.data,
        metadata: sideStreamMetadata(p.actor, e.data.by.role, p.now, decisionId, p.causationId),
      })),
      'no_stream',
    );
  } catch (err) {
    if (!(err instanceof ConcurrencyError)) throw err; // a concurrent retry wrote it
  }
}

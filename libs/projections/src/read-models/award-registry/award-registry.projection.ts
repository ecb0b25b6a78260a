import type { AwardDecisionSigned, CentralAwardDecided } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam, toBit, upsertClause } from '../../db/read-model-db';
import { normaliseForSearch } from '../../normalise';
import { isPlainSearchText } from '../../registry-search';
import type { Projection } from '../../projection';
import { asNominationEvent, nominationIdOf, NOMINATION_STREAM_PREFIX } from '../nomination-events';
import { AWARD_COLUMNS as COLUMNS, AWARDS_FTS_TABLE, AWARDS_TABLE, awardRegistryDdl } from './award-registry.schema';

const UPSERT = upsertClause(['nomination_id'], COLUMNS);
const REGISTRY_EVENT_TYPES = new Set(['AwardDecisionSigned', 'CentralAwardDecided', 'AwardRevoked']);

/** The normalised text a registry search runs against: nominee, award, unit, decision number. */
export function registrySearchText(parts: {
  nomineeName: string;
  awardName: string;
  unitId: string;
  decisionNumber: string;
}): string {
  return normaliseForSearch([parts.nomineeName, parts.awardName, parts.unitId, parts.decisionNumber].join(' '));
}

/** Key for looking a decision up by its number: "163/QĐ-UBND", "163/qd-ubnd" and "163/QD-UBND" all match. */
export const decisionKey = (decisionNumber: string) => normaliseForSearch(decisionNumber).replace(/\s+/g, '');

/**
 * The award registry (sổ khen thưởng): one row per signed award; a revocation flags the row (it is
 * never deleted: the registry shows what was awarded and what was later revoked, and why).
 */
export class AwardRegistryProjection implements Projection {
  readonly name = 'award-registry';
  /**
   * 2: full-text index of the search text (FTS5 on SQLite, tsvector + GIN on PostgreSQL); 3: indexes in
   * page order; 4: `revoked_position`, so the registry as it stood at any point of the log is a query;
   * 5: the signing year (a decision's key with its number), the decision id, the verification code,
   * the revocation decision's number and year; `authority` — awards decided above the province,
   * recorded from the central decision; 6: FTS5 prefix index (2 and 3 letters), `search_plain` and the
   * search keys index (a text search counts and orders its candidates without the table).
   */
  readonly version = 6;
  readonly streamPrefixes = [NOMINATION_STREAM_PREFIX];
  readonly tables = [AWARDS_TABLE];
  readonly indexTables = [AWARDS_FTS_TABLE];

  readonly ddl = awardRegistryDdl;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    // Signatures are inserted together; a revocation in the same batch must come after its signature.
    let pending: SqlParam[][] = [];
    const flush = async () => {
      await insertMany(tx, AWARDS_TABLE, COLUMNS, pending, UPSERT);
      pending = [];
    };
    for (const e of events) {
      // The type first: a payload is read only for the three events the registry shows (the offline
      // verifier parses an event's data only when it is read).
      if (!REGISTRY_EVENT_TYPES.has(e.type)) continue;
      const event = asNominationEvent(e);
      if (event.type === 'AwardDecisionSigned') {
        pending.push(signedRow(e, event.data));
      } else if (event.type === 'CentralAwardDecided') {
        pending.push(signedRow(e, event.data, event.data.authority));
      } else if (event.type === 'AwardRevoked') {
        await flush();
        const d = event.data;
        await tx.run(
          `UPDATE ${AWARDS_TABLE} SET revoked = 1, revoked_at = ?, revoked_by = ?, revocation_ground = ?, revocation_reason = ?, revoked_position = ?,
            revocation_decision_number = ?, revocation_key = ?, revocation_year = ? WHERE nomination_id = ?`,
          [
            d.at,
            d.by?.userId ?? e.metadata?.actorId ?? null,
            d.ground,
            d.reason ?? null,
            e.position,
            d.revocationDecisionNumber ?? null,
            d.revocationDecisionNumber ? decisionKey(d.revocationDecisionNumber) : null,
            d.revocationYear ?? null,
            nominationIdOf(e),
          ],
        );
      }
    }
    await flush();
  }
}

/** The signing year in Vietnam (UTC+7): decision numbers restart with it, not with the campaign's year. */
const signingYear = (at: string) => new Date(Date.parse(at) + 7 * 3_600_000).getUTCFullYear();

function signedRow(
  e: RecordedEvent,
  d: AwardDecisionSigned['data'] | CentralAwardDecided['data'],
  authority: string | null = null,
): SqlParam[] {
  const searchText = registrySearchText({
    nomineeName: d.nominee.name,
    awardName: d.awardName,
    unitId: d.unitId ?? '',
    decisionNumber: d.decisionNumber,
  });
  const row: Record<(typeof COLUMNS)[number], SqlParam> = {
    nomination_id: nominationIdOf(e),
    decision_number: d.decisionNumber,
    decision_key: decisionKey(d.decisionNumber),
    nominee_id: d.nominee.nomineeId ?? null,
    nominee_name: d.nominee.name,
    nominee_kind: d.nominee.kind ?? null,
    award_code: d.awardCode,
    award_name: d.awardName,
    unit_id: d.unitId ?? null,
    campaign_id: d.campaignId ?? null,
    year: d.year ?? null,
    one_off: toBit(d.oneOff),
    signed_at: d.at,
    signed_by: d.by?.userId ?? e.metadata?.actorId ?? null,
    cash_multiple: d.cashMultiple ?? null,
    revoked: 0,
    revoked_at: null,
    revoked_by: null,
    revocation_ground: null,
    revocation_reason: null,
    search_text: searchText,
    search_plain: toBit(isPlainSearchText(searchText)),
    position: e.position,
    revoked_position: null,
    authority,
    decision_id: 'decisionId' in d ? (d.decisionId ?? null) : null,
    // A central decision is dated by the central level; the province's own by its signature.
    signing_year: signingYear('decisionDate' in d ? d.decisionDate : d.at),
    verification_code: 'verificationCode' in d ? (d.verificationCode ?? null) : null,
    revocation_decision_number: null,
    revocation_key: null,
    revocation_year: null,
  };
  return COLUMNS.map((c) => row[c]);
}

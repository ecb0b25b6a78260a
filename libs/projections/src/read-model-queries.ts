import type { NominationStatus, ReadScope } from '@tdkt/domain';
import type { ReadModelDb } from './db/read-model-db';
import {
  listAccessLog,
  type ListAccessLogQuery,
  type PersonalDataReadView,
} from './read-models/access-log/access-log.queries';
import { AUDIT_TABLE } from './read-models/audit-trail/audit-trail.schema';
import { getAuditTrail, type AuditEntry } from './read-models/audit-trail/audit-trail.queries';
import { AWARDS_TABLE } from './read-models/award-registry/award-registry.schema';
import {
  getAwardByDecisionNumber,
  getAwardByVerificationCode,
  searchRegistry,
  type AwardView,
  type DecisionView,
  type SearchRegistryQuery,
} from './read-models/award-registry/award-registry.queries';
import { INBOX_TABLE } from './read-models/inbox/inbox.schema';
import { inbox, type InboxItem } from './read-models/inbox/inbox.queries';
import { countRows, type Page } from './read-models/paging';
import { NOMINATIONS_TABLE } from './read-models/status-board/status-board.schema';
import {
  getNomination,
  listNominations,
  nominationStatus,
  type ListNominationsQuery,
  type NominationDetail,
  type NominationSummary,
} from './read-models/status-board/status-board.queries';

/**
 * The read side the API's query handlers use: one object over the four read models' queries (each
 * kept beside its projection in read-models/). Every method reads committed rows only; to read
 * one's own write, wait with `ProjectionRunner.waitForPosition` first.
 */
export class ReadModelQueries {
  constructor(private readonly db: ReadModelDb) {}

  listNominations(query: ListNominationsQuery = {}): Promise<Page<NominationSummary>> {
    return listNominations(this.db, query);
  }

  getNomination(id: string): Promise<NominationDetail | null> {
    return getNomination(this.db, id);
  }

  /** The nomination's status as projected (null: no row yet). */
  nominationStatus(id: string): Promise<NominationStatus | null> {
    return nominationStatus(this.db, id);
  }

  /** Every event of the nomination, in order. */
  getAuditTrail(nominationId: string): Promise<AuditEntry[]> {
    return getAuditTrail(this.db, nominationId);
  }

  searchRegistry(query: SearchRegistryQuery = {}): Promise<Page<AwardView>> {
    return searchRegistry(this.db, query);
  }

  /** A decision by its number with the awards it lists (see `getAwardByDecisionNumber` in the registry's queries). */
  getAwardByDecisionNumber(decisionNumber: string, year?: number): Promise<DecisionView | null> {
    return getAwardByDecisionNumber(this.db, decisionNumber, year);
  }

  /** The award a public verification code names. */
  getAwardByVerificationCode(code: string): Promise<AwardView | null> {
    return getAwardByVerificationCode(this.db, code);
  }

  /** Nominations awaiting any of these keys within the reader's scope, the longest-waiting first (at most `limit`). */
  inbox(awaitingKeys: string[], limit = 1000, scope?: ReadScope): Promise<InboxItem[]> {
    return inbox(this.db, awaitingKeys, limit, scope);
  }

  /** Reads of personal data, newest first (the inspector's view of the access log). */
  listAccessLog(query: ListAccessLogQuery = {}): Promise<Page<PersonalDataReadView>> {
    return listAccessLog(this.db, query);
  }

  /** Rows per read-model table (for the rebuild report and health checks). */
  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of [NOMINATIONS_TABLE, AUDIT_TABLE, AWARDS_TABLE, INBOX_TABLE])
      out[table] = await countRows(this.db, `SELECT COUNT(*) AS n FROM ${table}`);
    return out;
  }
}

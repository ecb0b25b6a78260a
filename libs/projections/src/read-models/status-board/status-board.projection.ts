import {
  awaiting,
  evolve,
  initialClock,
  initialState,
  NominationState,
  trackClock,
  type ClockPatches,
  type StageClock,
} from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam, toBit, upsertClause } from '../../db/read-model-db';
import { normaliseForSearch } from '../../normalise';
import type { Projection } from '../../projection';
import { asNominationEvent, byNomination, loadByIds, NOMINATION_STREAM_PREFIX } from '../nomination-events';
import { NOMINATIONS_TABLE, STATUS_BOARD_COLUMNS as COLUMNS, STATUS_BOARD_DDL } from './status-board.schema';

type Column = (typeof COLUMNS)[number];
type BoardRow = Record<Column, SqlParam>;

const UPSERT = upsertClause(['id'], COLUMNS);

/**
 * The stage clock folded as a workflow drafted today folds it. Its patches touch only the council's
 * fields (closing on eligible members, the voting deadline moved by holds), which no reader of this
 * column uses: the stage limit reads the visit's hold time (`heldMs`, `holdSince`), the same in every history.
 */
const CLOCK_PATCHES: ClockPatches = { councilClosesOnEligible: () => true, councilDeadlineSkipsHold: () => true };

/**
 * The status board: one row per nomination with its current status (computed by the domain's own
 * `evolve`), who it waits for, its SLA due date and its council tally. The folded domain state is
 * kept in `state` (JSON) so the next event evolves it without reading the stream again.
 */
export class StatusBoardProjection implements Projection {
  readonly name = 'status-board';
  readonly version = 3; // 2: search_text, nominee_sort; 3: clock
  readonly streamPrefixes = [NOMINATION_STREAM_PREFIX];
  readonly tables = [NOMINATIONS_TABLE];
  readonly ddl = STATUS_BOARD_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    const groups = byNomination(events);
    const stored = await loadByIds<Record<string, unknown>>(tx, NOMINATIONS_TABLE, 'id', COLUMNS.join(', '), [
      ...groups.keys(),
    ]);
    const rows: SqlParam[][] = [];
    for (const [id, list] of groups) {
      const row = applyToRow(id, stored.get(id) as BoardRow | undefined, list);
      if (row) rows.push(COLUMNS.map((c) => row[c]));
    }
    await insertMany(tx, NOMINATIONS_TABLE, COLUMNS, rows, UPSERT);
  }
}

function applyToRow(
  id: string,
  previous: BoardRow | undefined,
  events: readonly RecordedEvent[],
): BoardRow | undefined {
  let state: NominationState = previous ? (JSON.parse(String(previous.state)) as NominationState) : initialState();
  let clock: StageClock = previous?.clock ? (JSON.parse(String(previous.clock)) as StageClock) : initialClock();
  const row: Partial<BoardRow> = previous ? { ...previous } : { id };
  for (const recorded of events) {
    const event = asNominationEvent(recorded);
    const before = state;
    state = evolve(state, event);
    clock = trackClock(clock, state, event, CLOCK_PATCHES);
    if (state.status === 'NONE') continue; // an event before the nomination exists: nothing to show
    const d = event.data;
    if (event.type === 'NominationDrafted') {
      row.drafted_by = d.by.userId;
      row.drafted_at = d.at;
    }
    if (
      before.status !== state.status ||
      event.type === 'NominationPutOnHold' ||
      event.type === 'NominationReleasedFromHold'
    ) {
      row.due_at = null;
      row.escalated_to = null;
    }
    switch (event.type) {
      case 'StageReminderIssued':
        row.due_at = event.data.dueAt;
        break;
      case 'StageEscalated':
        row.due_at = event.data.dueAt;
        row.escalated_to = event.data.escalatedTo;
        break;
      case 'NominationPutOnHold':
        row.hold_matter = event.data.matter;
        break;
      case 'NominationReleasedFromHold':
      case 'NominationWithdrawn':
        row.hold_matter = null;
        break;
      case 'CouncilVotingClosed':
        row.council_outcome = event.data.outcome;
        break;
      case 'CouncilVotingOpened':
        row.council_outcome = null;
        break;
    }
    row.updated_at = d.at;
    row.last_position = recorded.position;
    row.revision = recorded.revision;
  }
  if (state.status === 'NONE') return undefined;
  const s = state;
  return {
    id,
    status: s.status,
    on_hold: toBit(s.onHold),
    hold_matter: s.onHold ? (row.hold_matter ?? null) : null,
    stage_since: s.stageSince,
    unit_id: s.unitId,
    cluster_id: s.clusterId,
    campaign_id: s.campaign.id,
    year: s.campaign.year,
    award_code: s.award.code,
    award_name: s.award.name,
    nominee_id: s.nominee.nomineeId,
    nominee_name: s.nominee.name,
    nominee_kind: s.nominee.kind,
    one_off: toBit(s.oneOff),
    round: s.round,
    drafted_by: row.drafted_by ?? null,
    drafted_at: row.drafted_at ?? null,
    updated_at: row.updated_at ?? null,
    due_at: row.due_at ?? null,
    escalated_to: row.escalated_to ?? null,
    awaiting: JSON.stringify(awaiting(s)),
    tally: s.council?.tally ? JSON.stringify(s.council.tally) : null,
    council_outcome: s.council?.tally ? (row.council_outcome ?? null) : null,
    decision_number: s.decisionNumber ?? null,
    signed_at: s.signedAt ?? null,
    last_position: row.last_position ?? 0,
    revision: row.revision ?? 0,
    search_text: normaliseForSearch([s.nominee.name, s.award.name, s.decisionNumber, id].filter(Boolean).join(' ')),
    nominee_sort: normaliseForSearch(s.nominee.name),
    state: JSON.stringify(s),
    clock: JSON.stringify(clock),
  };
}

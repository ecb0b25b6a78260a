/**
 * List commands (a unit's submission, a cluster's or the office's review of many dossiers): each
 * item is its own command on its own nomination, run through the same workflow Update as the
 * single-item route, refused or accepted item by item. Each item's command id is derived from the
 * list, so sending the same list again is the same Updates (Temporal answers with the first
 * outcome, and the activity's event ids derive from it): nothing changes the second time.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError, invalid, type Actor, type NominationIntent } from '@tdkt/domain';
import { deterministicEventId } from '@tdkt/event-store';
import { NominationServiceUnavailableError } from '@tdkt/temporal';
import type { ApiRuntime } from '../api-runtime';
import { runByStatus } from '../nominations/intent-by-status';
import { ReadYourWrites } from '../nominations/read-your-writes';
import { API_RUNTIME } from '../tokens';
import type { ListItemResultDto, ListResultDto } from './list-commands.dto';

/** How many items run at once: enough to overlap the round trips, few enough to leave the workers to others. */
export const LIST_CONCURRENCY = 4;

export interface ListItem {
  nominationId: string;
  /** The intent, or a function of the nomination's current status (submit vs resubmit; see runByStatus). */
  intent:
    | Exclude<NominationIntent, { type: 'DraftNomination' }>
    | ((status: string) => Exclude<NominationIntent, { type: 'DraftNomination' }>);
}

/** A stable digest of a list request: the same body (whatever its key order) gives the same one. */
export function listDigest(kind: string, body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(kind)
    .update('\u0000')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

async function inBatches<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}

@Injectable()
export class ListCommandsService {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
  ) {}

  /** Runs every item; `listKey` identifies the list (same list → same key → same command ids). */
  async run(actor: Actor, listKey: string, items: ListItem[]): Promise<ListResultDto> {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.nominationId))
        throw invalid(
          'DUPLICATE_ITEM',
          `Hồ sơ ${item.nominationId} có hai lần trong danh sách`,
          `items[${i}].nominationId`,
        );
      seen.add(item.nominationId);
    });
    let last = 0;
    const results = await inBatches(items, LIST_CONCURRENCY, async (item): Promise<ListItemResultDto> => {
      const commandId = deterministicEventId('list-command', actor.userId, listKey, item.nominationId);
      try {
        const run = (intent: Exclude<NominationIntent, { type: 'DraftNomination' }>) =>
          this.runtime.gateway.execute(item.nominationId, intent, actor, commandId);
        // The same command id if the intent is chosen again: a stage refusal comes from the Update's
        // validator, and a rejected Update is not recorded, so its id is still free.
        const outcome =
          typeof item.intent === 'function'
            ? await runByStatus(this.runtime, item.nominationId, item.intent, run)
            : await run(item.intent);
        last = Math.max(last, outcome.position);
        return { nominationId: item.nominationId, outcome: 'accepted', status: outcome.status };
      } catch (err) {
        if (err instanceof DomainError)
          return {
            nominationId: item.nominationId,
            outcome: 'refused',
            code: err.code,
            message: err.message,
            ...(err.field ? { field: err.field } : {}),
          };
        if (err instanceof NominationServiceUnavailableError)
          return {
            nominationId: item.nominationId,
            outcome: 'refused',
            code: 'WORKFLOW_UNAVAILABLE',
            message:
              'Hệ thống xử lý hồ sơ chưa phản hồi kịp; gửi lại danh sách sau (các hồ sơ đã xử lý không bị xử lý lại)',
          };
        throw err;
      }
    });
    await this.ryw.reach(last);
    const accepted = results.filter((r) => r.outcome === 'accepted').length;
    return { accepted, refused: results.length - accepted, items: results };
  }
}

import {
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  Inject,
  Injectable,
  NestInterceptor,
  OnModuleDestroy,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { from, mergeMap, type Observable } from 'rxjs';
import type { EventToAppend } from '@tdkt/event-store';
import { domainError, hasRole, type Actor } from '@tdkt/domain';
import { ACCESS_LOG_STREAM, PERSONAL_DATA_READ, type PersonalDataReadData } from '@tdkt/projections';
import { randomUUID } from 'node:crypto';
import type { ApiRuntime } from '../api-runtime';
import { CurrentActor } from '../auth/current-actor.decorator';
import { asOfInstant, PagingDto } from '../nominations/dto/query.dto';
import { API_RUNTIME } from '../tokens';
import { AccessLogPageDto } from './audit.dto';

/** Routes whose answer shows personal data to a signed-in reader, and what they show (Decree 13/2023). */
export const PERSONAL_DATA_ROUTES: Record<
  string,
  { resource: string; fields: string[]; method?: 'POST'; idField?: 'personId' }
> = {
  '/api/nominations/:id': { resource: 'nomination', fields: ['nominee.nomineeId', 'nominee.name', 'documents'] },
  '/api/nominations/:id/audit': { resource: 'audit-trail', fields: ['nominee.nomineeId', 'nominee.name', 'documents'] },
  '/api/nominations': { resource: 'nomination-list', fields: ['nominee.nomineeId', 'nominee.name'] },
  '/api/registry': { resource: 'registry', fields: ['nominee.nomineeId'] },
  '/api/nominations/:id/documents': { resource: 'dossier', fields: ['documents'] },
  '/api/nominations/:id/documents/:hash': { resource: 'dossier-document', fields: ['documents.content'] },
  '/api/registry/:decisionNumber': { resource: 'registry-decision', fields: ['nominee.nomineeId'] },
  '/api/registry/:number/:symbol': { resource: 'registry-decision', fields: ['nominee.nomineeId'] },
  // The person register (issue 12): names, dates of birth, citizen IDs (whole or masked, by the read policy).
  '/api/people': { resource: 'person-list', fields: ['fullName', 'dateOfBirth', 'citizenId'] },
  '/api/people/lookup': { resource: 'person-lookup', fields: ['fullName', 'dateOfBirth', 'citizenId'], method: 'POST' },
  '/api/people/:id': {
    resource: 'person',
    fields: ['fullName', 'dateOfBirth', 'citizenId', 'awards'],
    idField: 'personId',
  },
};

/**
 * Appends reads of personal data to the `access-log` stream of the event store, so each one is a leaf
 * of the audit log under the same signed checkpoints. The answer waits for its record (no read goes
 * unrecorded); reads arriving while an append runs are grouped into the next one (group commit), so
 * the cost is one disk sync per group, not per read.
 */
@Injectable()
export class AccessLogRecorder implements OnModuleDestroy {
  private pending: { event: EventToAppend; done: (error?: Error) => void }[] = [];
  private flushing?: Promise<void>;

  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  record(data: PersonalDataReadData): Promise<void> {
    const event: EventToAppend = {
      id: randomUUID(),
      type: PERSONAL_DATA_READ,
      data,
      metadata: {
        actorId: data.actor.userId,
        actorRole: data.actor.roles[0] ?? 'UNKNOWN',
        ...(data.actor.unitId ? { actorUnitId: data.actor.unitId } : {}),
        occurredAt: data.at,
        correlationId: accessCorrelation(),
        schemaVersion: 1,
      },
    };
    return new Promise((resolve, reject) => {
      this.pending.push({ event, done: (error) => (error ? reject(error) : resolve()) });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      // A read recorded between the last batch and this callback is not left waiting.
      if (this.pending.length > 0) this.scheduleFlush();
    });
  }

  private async flush(): Promise<void> {
    // The embedded store appends synchronously: the event loop waits out the disk sync. Letting the
    // current turn of the loop finish first puts every read it parsed into the same append (one sync
    // for all of them, not one each: under 16 reads in flight, most of a read's time was this sync).
    while ((await nextTurn(), this.pending.length > 0)) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.runtime.store.append(
          ACCESS_LOG_STREAM,
          batch.map((b) => b.event),
          'any',
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error as Error);
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.flushing;
  }
}

const accessCorrelation = () => `access-${randomUUID()}`;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Records each successful signed-in read of a personal-data route before its answer leaves. */
@Injectable()
export class PersonalDataReadInterceptor implements NestInterceptor {
  constructor(private readonly recorder: AccessLogRecorder) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest();
    const route = PERSONAL_DATA_ROUTES[req.route?.path as string];
    const actor = req.actor as Actor | undefined;
    if (!route || !actor || req.method !== (route.method ?? 'GET')) return next.handle();
    return next.handle().pipe(
      mergeMap((body) =>
        from(
          this.recorder
            .record({
              resource: route.resource,
              ...(req.params?.id ? { [route.idField ?? 'nominationId']: String(req.params.id) } : {}),
              fields: route.fields,
              route: `${req.method} ${req.originalUrl ?? req.url}`.slice(0, 500),
              address: req.ip ?? req.socket?.remoteAddress ?? null,
              actor: { userId: actor.userId, roles: actor.roles, ...(actor.unitId ? { unitId: actor.unitId } : {}) },
              at: new Date().toISOString(),
            })
            .then(() => body),
        ),
      ),
    );
  }
}

/**
 * On each handler of a route in PERSONAL_DATA_ROUTES (a test holds the two in step): its reads are
 * recorded. Bound per route, not globally: a global interceptor wraps every request of every route in
 * Nest's rxjs chain, and with none bound a route has no chain at all (bench/README.md, "the framework floor").
 */
export const RecordsPersonalDataRead = () => UseInterceptors(PersonalDataReadInterceptor);

export class AccessLogQueryDto extends PagingDto {
  @ApiPropertyOptional({ description: 'Chỉ các lần xem hồ sơ này' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nominationId?: string;

  @ApiPropertyOptional({ description: 'Chỉ các lần xem của người dùng này' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actorId?: string;

  @ApiPropertyOptional({ description: 'Từ thời điểm (ISO-8601)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: 'Đến thời điểm (ISO-8601)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/access-log')
export class AccessLogController {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  @Get()
  @ApiOkResponse({ type: AccessLogPageDto })
  @ApiOperation({
    summary:
      'Nhật ký truy cập dữ liệu cá nhân (Nghị định 13/2023): ai, khi nào, xem gì, từ địa chỉ nào — chỉ thanh tra',
  })
  list(@CurrentActor() actor: Actor, @Query() q: AccessLogQueryDto) {
    if (!hasRole(actor, 'AUDITOR')) throw domainError('ACCESS_LOG_NOT_ALLOWED');
    return this.runtime.queries.listAccessLog({
      ...(q.nominationId ? { nominationId: q.nominationId } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.from ? { from: instant(q.from, 'from') } : {}),
      ...(q.to ? { to: instant(q.to, 'to') } : {}),
      ...(q.page ? { page: q.page } : {}),
      ...(q.pageSize ? { pageSize: q.pageSize } : {}),
    });
  }
}

function instant(value: string, field: string): string {
  const iso = Number.isNaN(Date.parse(value)) ? undefined : asOfInstant(value);
  if (!iso) throw domainError('DATE_TIME', `${field} phải là thời điểm ISO-8601`, field);
  return iso;
}

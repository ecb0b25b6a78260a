/**
 * Realistic nomination streams for the benchmarks, made by the domain decider itself (the same
 * `decide`/`evolve` the workflow's activity runs), with the envelope the activity writes
 * (deterministic ids, actor metadata) and the side streams a signature writes (decision-number
 * sequence, nominee record). Nominations are interleaved as they are in a real year-end batch:
 * a pool of files in flight, each advancing one command at a time, in a random order.
 * Deterministic for a given seed, so the cached store is the same on every machine.
 */
import {
  decide,
  decideAllocation,
  decideNomineeRecord,
  decisionNumberStreamName,
  DomainError,
  evolve,
  initialState,
  nominationStreamName,
  nomineeStreamName,
  type Actor,
  type AwardType,
  type Campaign,
  type NominationCommand,
  type NominationEvent,
  type NominationState,
  type Nominee,
  type StageLimitsConfig,
} from '@tdkt/domain';
import { loadAwardCatalog } from '@tdkt/config';
import { join } from 'node:path';
import * as fx from '@tdkt/domain/testing/fixtures';
import { deterministicEventId, type EventToAppend } from '@tdkt/event-store';
import { nominationEventMetadata, sideStreamMetadata } from '@tdkt/temporal/activities/event-metadata';
import { prng } from '../lib/stats';

/** The limits a draft records (its workflow's): the shipped catalog's, in working days. */
const STAGE_LIMITS: StageLimitsConfig = {
  stageTimeLimits: loadAwardCatalog(join(__dirname, '..', '..', 'config', 'award-catalog.json')).stageTimeLimits,
  stageTimeUnit: 'workingDays',
};

/** Bump when the generated events change: cached stores are keyed by it. */
export const GENERATOR_VERSION = 4; // 4: drafts record the stage limits, as the workflow's drafts do

export interface GeneratedAppend {
  stream: string;
  events: EventToAppend[];
  /** Revision the stream is at before this append (-1: new stream). */
  expectedRevision: number;
  /** Simulated time of the command (ISO). */
  at: string;
}

type Path =
  | 'AWARDED'
  | 'RETURNED_THEN_AWARDED'
  | 'REMINDED_THEN_AWARDED'
  | 'HELD_THEN_AWARDED'
  | 'ONE_OFF_AWARDED'
  | 'AWARDED_THEN_REVOKED'
  | 'REJECTED_AT_CLUSTER'
  | 'REJECTED_BY_COUNCIL'
  | 'DECLINED'
  | 'WITHDRAWN';

/** A province's year: most files are awarded, some go back for revision, a few are refused or withdrawn. */
export const REALISTIC_MIX: Record<Path, number> = {
  AWARDED: 0.6,
  RETURNED_THEN_AWARDED: 0.08,
  REMINDED_THEN_AWARDED: 0.06,
  HELD_THEN_AWARDED: 0.03,
  ONE_OFF_AWARDED: 0.03,
  AWARDED_THEN_REVOKED: 0.01,
  REJECTED_AT_CLUSTER: 0.05,
  REJECTED_BY_COUNCIL: 0.05,
  DECLINED: 0.03,
  WITHDRAWN: 0.06,
};

/** For a registry of signed awards (API reads): nearly every file ends in the registry. */
export const REGISTRY_MIX: Record<Path, number> = {
  AWARDED: 0.85,
  RETURNED_THEN_AWARDED: 0.05,
  REMINDED_THEN_AWARDED: 0.03,
  HELD_THEN_AWARDED: 0.01,
  ONE_OFF_AWARDED: 0.04,
  AWARDED_THEN_REVOKED: 0.02,
  REJECTED_AT_CLUSTER: 0,
  REJECTED_BY_COUNCIL: 0,
  DECLINED: 0,
  WITHDRAWN: 0,
};

export const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
export const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Quốc', 'Thu', 'Đức', 'Kim', 'Hoài', 'Gia'];
export const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Ngân',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Trung',
  'Tuấn',
  'Vy',
  'Yến',
];
const POSITIONS = [
  'Giáo viên',
  'Bác sĩ',
  'Điều dưỡng',
  'Kỹ sư',
  'Chuyên viên',
  'Công nhân',
  'Nông dân',
  'Cán bộ xã',
  'Hiệu trưởng',
  'Trưởng phòng',
];
const COLLECTIVES = [
  'Trường THCS',
  'Trường Tiểu học',
  'Trạm Y tế xã',
  'Phòng Tài chính',
  'Hợp tác xã',
  'Đội sản xuất',
  'Phòng Giáo dục',
  'Bệnh viện huyện',
];
const PLACES = [
  'Châu Thành',
  'Mỏ Cày Nam',
  'Giồng Trôm',
  'Bình Đại',
  'Ba Tri',
  'Thạnh Phú',
  'Chợ Lách',
  'An Hội',
  'Phú Tân',
  'Tân Thạch',
];

interface UnitSide {
  officer: Actor;
  head: Actor;
  leader: Actor;
  unitId: string;
  clusterId: string;
  /** The council member from this unit: recuses. */
  recuser: Actor;
  voters: Actor[];
}

const UNITS: UnitSide[] = [
  {
    officer: fx.canboDonvi1,
    head: fx.thutruongDonvi1,
    leader: fx.truongcumCum1,
    unitId: 'donvi1',
    clusterId: 'cum1',
    recuser: fx.hoidong1,
    voters: [],
  },
  {
    officer: fx.canboDonvi3,
    head: fx.thutruongDonvi3,
    leader: fx.truongcumCum2,
    unitId: 'donvi3',
    clusterId: 'cum2',
    recuser: fx.hoidong3,
    voters: [],
  },
];
for (const u of UNITS) u.voters = fx.councilActors.filter((m) => m.userId !== u.recuser.userId);

const DAY = 86_400_000;
const FIRST_YEAR = 2019;
const YEARS = 8;
const START = Date.parse(`${FIRST_YEAR}-01-15T02:00:00.000Z`);
const SPAN = YEARS * 365 * DAY - 30 * DAY;

type Step = (nominationId: string, at: string) => NominationCommand | 'ALLOCATE_AND_SIGN';

interface Active {
  nominationId: string;
  steps: Step[];
  next: number;
  state: NominationState;
  revision: number;
  commandCount: number;
}

export interface GeneratorOptions {
  seed?: number;
  mix?: Record<Path, number>;
  /** Files in flight at once (default: scales with the size, ~1 per 500 events). */
  inFlight?: number;
  /** Expected number of events (spreads the simulated clock over 8 campaign years). */
  expectedEvents: number;
  /** Prefix of nomination ids (several generators in one store must not collide). */
  idPrefix?: string;
}

export interface GeneratorStats {
  nominations: number;
  finished: number;
  awards: number;
  events: number;
  refused: number;
}

/**
 * An endless source of appends: call `next()` for the next one. Stop when you have enough events
 * (a few files are then left in flight, as in a real store).
 */
export class NominationGenerator {
  readonly stats: GeneratorStats = { nominations: 0, finished: 0, awards: 0, events: 0, refused: 0 };
  private readonly random: () => number;
  private readonly mix: [Path, number][];
  private readonly pool: Active[] = [];
  private readonly inFlight: number;
  private readonly clockStep: number;
  private readonly idPrefix: string;
  private clock = START;
  private serial = 0;
  private readonly sequences = new Map<number, { last: number; revision: number }>();
  /** Appends decided but not yet handed out (a signature comes with its decision number and nominee record). */
  private readonly queued: GeneratedAppend[] = [];

  constructor(options: GeneratorOptions) {
    this.random = prng(options.seed ?? 20261123);
    this.mix = Object.entries(options.mix ?? REALISTIC_MIX) as [Path, number][];
    this.inFlight = options.inFlight ?? Math.max(20, Math.round(options.expectedEvents / 500));
    this.clockStep = SPAN / Math.max(1, options.expectedEvents);
    this.idPrefix = options.idPrefix ?? 'nom';
  }

  next(): GeneratedAppend {
    for (;;) {
      const side = this.queued.shift();
      if (side) return this.count(side);
      while (this.pool.length < this.inFlight) this.pool.push(this.startNomination());
      const index = Math.floor(this.random() * this.pool.length);
      const active = this.pool[index];
      const refused = !this.advance(active);
      if (active.next >= active.steps.length || refused) {
        this.pool[index] = this.pool[this.pool.length - 1];
        this.pool.pop();
        this.stats.finished++;
      }
    }
  }

  private count(append: GeneratedAppend): GeneratedAppend {
    this.stats.events += append.events.length;
    return append;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private choosePath(): Path {
    let r = this.random();
    for (const [path, weight] of this.mix) {
      if (r < weight) return path;
      r -= weight;
    }
    return 'AWARDED';
  }

  private startNomination(): Active {
    const serial = ++this.serial;
    const nominationId = `${this.idPrefix}-${String(serial).padStart(7, '0')}`;
    const path = this.choosePath();
    const unit = this.pick(UNITS);
    const year = new Date(this.clock).getUTCFullYear();
    const campaign: Campaign = {
      id: `dong-khoi-moi-${year}`,
      year,
      submissionDeadline: `${year + 1}-06-30T17:00:00+07:00`,
    };
    const r = this.random();
    const award: AwardType =
      path === 'ONE_OFF_AWARDED'
        ? fx.BANG_KHEN_TINH
        : r < 0.62
          ? fx.BANG_KHEN_TINH
          : r < 0.9
            ? fx.TAP_THE_LDXS
            : r < 0.96
              ? fx.award('CO_THI_DUA_TINH')
              : fx.CONG_DAN_DONG_KHOI;
    const collective = award.recipient === 'collective' || (award.recipient === 'both' && this.random() < 0.25);
    const nominee: Nominee = collective ? this.collective(unit.unitId, serial) : this.individual(serial);
    const oneOff = path === 'ONE_OFF_AWARDED';
    const skipsCluster = oneOff || !award.clusterReviewRequired;
    const steps = this.stepsFor(path, unit, { award, campaign, nominee, oneOff, skipsCluster });
    this.stats.nominations++;
    return { nominationId, steps, next: 0, state: initialState(), revision: -1, commandCount: 0 };
  }

  // The statistics' facts (gender, direct worker, grassroots) follow from what was picked, without
  // drawing more random numbers; every tenth file leaves them unrecorded, as real files do.
  private collective(unitId: string, serial: number): Nominee {
    const kind = this.pick(COLLECTIVES);
    return {
      kind: 'collective',
      name: `${kind} ${this.pick(PLACES)}`,
      nomineeId: `unit-${unitId}-${serial}`,
      ...(serial % 10 === 0 ? {} : { grassroots: !/^(Phòng|Bệnh viện)/.test(kind) }),
    };
  }

  private individual(serial: number): Nominee {
    const middle = this.pick(MIDDLE);
    const name = `${this.pick(FAMILY)} ${middle} ${this.pick(GIVEN)}`;
    const position = this.pick(POSITIONS);
    const recorded = serial % 10 !== 0;
    return {
      kind: 'individual',
      name,
      nomineeId: `cccd-0830${String(serial).padStart(8, '0')}`,
      position,
      ...(recorded ? { gender: middle === 'Thị' || (middle !== 'Văn' && serial % 2 === 0) ? 'female' : 'male' } : {}),
      ...(recorded ? { directWorker: !/^(Trưởng phòng|Hiệu trưởng|Chuyên viên)/.test(position) } : {}),
    };
  }

  private stepsFor(
    path: Path,
    u: UnitSide,
    n: { award: AwardType; campaign: Campaign; nominee: Nominee; oneOff: boolean; skipsCluster: boolean },
  ): Step[] {
    const draft: Step = (nominationId, at) =>
      fx.draftNomination({
        nominationId,
        at,
        by: u.officer,
        unitId: u.unitId,
        clusterId: u.clusterId,
        award: n.award,
        nominee: n.nominee,
        campaign: n.campaign,
        documents: ['to-trinh.pdf', 'bao-cao-thanh-tich.pdf'],
        stageLimits: STAGE_LIMITS,
        achievements: `Hoàn thành xuất sắc nhiệm vụ năm ${n.campaign.year}; ${this.pick(['sáng kiến được áp dụng toàn tỉnh', 'dẫn đầu phong trào thi đua của cụm', 'có mô hình hay được nhân rộng', 'đạt chỉ tiêu vượt kế hoạch'])}`,
      });
    const submit: Step = (nominationId, at) =>
      // One-off (đột xuất) is the unit head's declaration at submission; a draft carrying it is refused.
      fx.submitNomination({
        nominationId,
        at,
        by: u.head,
        campaign: n.campaign,
        ...(n.oneOff ? { oneOff: true } : {}),
      });
    const review =
      (decision: 'endorse' | 'return' | 'reject'): Step =>
      (nominationId, at) =>
        fx.reviewAtCluster(decision, {
          nominationId,
          at,
          by: u.leader,
          ...(decision === 'endorse' ? {} : { comment: 'Bổ sung minh chứng sáng kiến' }),
        });
    const edit: Step = (nominationId, at) =>
      fx.editNomination(
        { achievements: 'Bổ sung: sáng kiến được Hội đồng sáng kiến tỉnh công nhận' },
        { nominationId, at, by: u.officer },
      );
    const resubmit: Step = (nominationId, at) => fx.resubmitNomination({ nominationId, at, by: u.head });
    const open: Step = (nominationId, at) =>
      fx.openCouncilVoting({ nominationId, at, deadline: new Date(Date.parse(at) + 365 * DAY).toISOString() });
    const recuse: Step = (nominationId, at) =>
      fx.recuseFromCouncil(u.recuser, { nominationId, at, comment: 'Cùng đơn vị với người được đề nghị' });
    const vote =
      (member: Actor, choice: 'approve' | 'reject'): Step =>
      (nominationId, at) =>
        fx.castCouncilVote(member, choice, { nominationId, at });
    const close: Step = (nominationId, at) => fx.closeCouncilVoting('ALL_VOTED', { nominationId, at });
    const remind =
      (stage: 'CLUSTER_REVIEW'): Step =>
      (nominationId, at) =>
        fx.issueStageReminder(stage, { nominationId, at, dueAt: new Date(Date.parse(at) + 2 * DAY).toISOString() });
    const hold: Step = (nominationId, at) => fx.putOnHold('COMPLAINT', { nominationId, at });
    const release: Step = (nominationId, at) =>
      fx.releaseFromHold({ nominationId, at, comment: 'Đã giải quyết xong đơn khiếu nại' });
    const decline: Step = (nominationId, at) => fx.declineSignature({ nominationId, at });
    const withdraw: Step = (nominationId, at) => fx.withdrawNomination({ nominationId, at, by: u.head });
    const revoke: Step = (nominationId, at) => fx.revokeAward('CRITERIA_NOT_MET', { nominationId, at });
    const sign: Step = () => 'ALLOCATE_AND_SIGN';

    // A refusal: two members reject, so approval stays below the threshold (3 of 6 < 70%).
    const votes = (choice: 'approve' | 'reject') =>
      u.voters.map((m, i) => vote(m, choice === 'reject' && i < 2 ? 'reject' : 'approve'));
    const council = (choice: 'approve' | 'reject' = 'approve'): Step[] => [open, recuse, ...votes(choice), close];
    const toCouncil: Step[] = n.skipsCluster ? [draft, submit] : [draft, submit, review('endorse')];

    switch (path) {
      case 'AWARDED':
      case 'ONE_OFF_AWARDED':
        return [...toCouncil, ...council(), sign];
      case 'RETURNED_THEN_AWARDED':
        return n.skipsCluster
          ? [...toCouncil, ...council(), sign]
          : [draft, submit, review('return'), edit, resubmit, review('endorse'), ...council(), sign];
      case 'REMINDED_THEN_AWARDED':
        return n.skipsCluster
          ? [...toCouncil, ...council(), sign]
          : [draft, submit, remind('CLUSTER_REVIEW'), review('endorse'), ...council(), sign];
      case 'HELD_THEN_AWARDED':
        return [...toCouncil, hold, release, ...council(), sign];
      case 'AWARDED_THEN_REVOKED':
        return [...toCouncil, ...council(), sign, revoke];
      case 'REJECTED_AT_CLUSTER':
        return n.skipsCluster ? [draft, withdraw] : [draft, submit, review('reject')];
      case 'REJECTED_BY_COUNCIL':
        return [...toCouncil, ...council('reject')];
      case 'DECLINED':
        return [...toCouncil, ...council(), decline];
      case 'WITHDRAWN':
        return [draft, submit, withdraw];
    }
  }

  private tick(): string {
    this.clock += this.clockStep * (0.5 + this.random());
    return new Date(this.clock).toISOString();
  }

  /** Decides the next command of one file and queues its appends; false when refused (the file ends, nothing appended). */
  private advance(a: Active): boolean {
    const at = this.tick();
    const step = a.steps[a.next++];
    const built = step(a.nominationId, at);
    const commandId = `${a.nominationId}/${a.commandCount++}`;
    let command: NominationCommand;
    let allocation: GeneratedAppend | undefined;
    if (built === 'ALLOCATE_AND_SIGN') {
      allocation = this.allocate(a, at, commandId);
      command = fx.signAwardDecision({
        nominationId: a.nominationId,
        at,
        decisionNumber: (allocation.events[0].data as { decisionNumber: string }).decisionNumber,
      });
    } else {
      command = built;
    }
    let events: NominationEvent[];
    try {
      events = decide(command, a.state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.stats.refused++;
      return false;
    }
    if (allocation) this.commitAllocation(allocation);
    const stream = nominationStreamName(a.nominationId);
    const append: GeneratedAppend = {
      stream,
      expectedRevision: a.revision,
      at,
      events: events.map((event, i) => ({
        id: deterministicEventId(a.nominationId, commandId, String(i)),
        type: event.type,
        data: event.data,
        metadata: nominationEventMetadata(event, { now: at, nominationId: a.nominationId, commandId }),
      })),
    };
    for (const e of events) a.state = evolve(a.state, e);
    a.revision += events.length;
    this.queued.push(append);
    if (events.some((e) => e.type === 'AwardDecisionSigned')) {
      this.stats.awards++;
      this.queueNomineeRecord(a, at, commandId);
    }
    return true;
  }

  /** The decision-number append, which the activity makes right before the signature. */
  private allocate(a: Active, at: string, commandId: string): GeneratedAppend {
    const year = new Date(Date.parse(at) + 7 * 3_600_000).getUTCFullYear();
    const seq = this.sequences.get(year) ?? { last: 0, revision: -1 };
    const [allocated] = decideAllocation(
      { type: 'AllocateDecisionNumber', authority: 'UBND', year, nominationId: a.nominationId, now: at },
      { last: seq.last, byNomination: {}, authority: 'UBND', year },
    );
    const stream = decisionNumberStreamName('UBND', year);
    return {
      stream,
      expectedRevision: seq.revision,
      at,
      events: [
        {
          id: deterministicEventId(stream, a.nominationId),
          type: allocated.type,
          data: allocated.data,
          metadata: sideStreamMetadata(fx.chutich, 'CHAIRMAN', at, a.nominationId, commandId),
        },
      ],
    };
  }

  private commitAllocation(allocation: GeneratedAppend) {
    const data = allocation.events[0].data as { year: number; sequence: number };
    this.sequences.set(data.year, { last: data.sequence, revision: allocation.expectedRevision + 1 });
    this.queued.push(allocation);
  }

  private queueNomineeRecord(a: Active, at: string, commandId: string) {
    const s = a.state as Extract<NominationState, { nominationId: string }>;
    const award = {
      awardCode: s.award.code,
      campaignId: s.campaign.id,
      year: s.campaign.year,
      nominationId: a.nominationId,
      decisionNumber: s.decisionNumber,
      oneOff: s.oneOff,
    };
    const [recorded] = decideNomineeRecord(
      { type: 'RecordAward', nomineeId: s.nominee.nomineeId, award, now: at, source: 'SIGNED' },
      { awards: [] },
    );
    const stream = nomineeStreamName(s.nominee.nomineeId);
    this.queued.push({
      stream,
      expectedRevision: -1,
      at,
      events: [
        {
          id: deterministicEventId(stream, a.nominationId, 'award'),
          type: recorded.type,
          data: recorded.data,
          metadata: sideStreamMetadata(fx.chutich, 'CHAIRMAN', at, a.nominationId, commandId),
        },
      ],
    });
  }
}

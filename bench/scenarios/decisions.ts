/**
 * Scenario: one award decision of 1,000 recipients (--quick 100). Timed: folding its events
 * (draft, signature) with the domain's own evolve, rendering the signed decision as a PDF (Decree
 * 30/2020 layout and its 1,000-row appendix) and rendering it again (the bytes must be identical),
 * and one recipient's certificate with its QR code. Baseline: pdfmake rendering the same appendix
 * rows as a bare table (no header, articles or signature block) — what the layout itself costs.
 * Then, through the embedded stack over HTTP (`--decision-apply=false` skips it): as many
 * nominations brought to the signature by their running workflows (seeded as the council-session
 * scenario does: draft → submit → cluster review → office check → one council session approving
 * all, not timed), drafted into one decision, and timed: the draft, the Chairman's one signature,
 * and from the signature until the decision is APPLIED (every nomination workflow AWARDED under it,
 * checked on the status board). No baseline: the per-recipient time is reported beside it.
 */
import {
  awardDecisionDecider,
  awardDecisionStreamName,
  type AwardDecisionEvent,
  type DecisionRecipient,
  type ExistingDecision,
} from '@tdkt/domain';
import { SqliteEventStore, deterministicEventId, loadStream } from '@tdkt/event-store';
import { certificateDocument } from '../../apps/api/src/decisions/certificate';
import { decisionDocument } from '../../apps/api/src/decisions/decision-document';
import { renderPdf, sha256 } from '../../apps/api/src/decisions/pdf-kit';
import { HttpClient, waitForHttp } from '../lib/http';
import { row, type Row } from '../lib/report';
import { startStack } from '../lib/stack';
import { nominationWorkflowBundle } from '../temporal/bundles';
import { sessionOf } from './council-session';
import { BenchSession } from '../lib/session';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { median, now } from '../lib/stats';

const by = { userId: 'thuky', role: 'COUNCIL_SECRETARY' as const };
const chairman = { userId: 'chutich', role: 'CHAIRMAN' as const };

function events(n: number): AwardDecisionEvent[] {
  const recipients: DecisionRecipient[] = Array.from({ length: n }, (_, i) => ({
    nominationId: `n-${i}`,
    nomineeName: `Nguyễn Thị Hồng Nhung ${i + 1}`,
    nomineeKind: 'individual',
    position: 'Giáo viên',
    unitId: 'donvi1',
    unitName: 'Sở Giáo dục và Đào tạo',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học; sáng kiến được công nhận cấp tỉnh',
    awardCode: 'BANG_KHEN_TINH',
    awardName: 'Bằng khen của Chủ tịch UBND tỉnh',
    cashMultiple: 1,
    amount: 2_340_000,
    verificationCode: `code-${i}-aaaaaaaaaaaaaa`,
  }));
  return [
    {
      type: 'AwardDecisionDrafted',
      data: {
        decisionId: 'bench',
        by,
        at: '2026-12-20T03:00:00.000Z',
        kind: 'AWARD',
        authority: 'UBND',
        authorityName: 'ỦY BAN NHÂN DÂN TỈNH BẾN TRE',
        place: 'Bến Tre',
        numbering: 'register',
        title: 'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
        bases: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
        awardCodes: ['BANG_KHEN_TINH'],
        recipients,
        baseSalary: {
          amount: 2_340_000,
          currency: 'VND',
          effectiveFrom: '2024-07-01',
          source: 'Nghị định 73/2024/NĐ-CP',
        },
      },
    },
    {
      type: 'DecisionSigned',
      data: {
        decisionId: 'bench',
        by: chairman,
        at: '2026-12-28T03:00:00.000Z',
        signer: { by: chairman, name: 'Chủ tịch UBND tỉnh', title: 'CHỦ TỊCH' },
        year: 2026,
        decisionNumber: '1/QĐ-UBND',
        sequence: 1,
      },
    },
  ];
}

async function once(n: number) {
  const t0 = now();
  const state = events(n).reduce(awardDecisionDecider.evolve, awardDecisionDecider.initialState()) as ExistingDecision;
  const t1 = now();
  const pdf = await renderPdf(decisionDocument(state));
  const t2 = now();
  const again = await renderPdf(decisionDocument(state));
  const t3 = now();
  await renderPdf(certificateDocument(state, state.recipients[0], 'https://tdkt.example/verify/code'));
  const t4 = now();
  await renderPdf({
    pageSize: 'A4',
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    content: [
      {
        table: {
          widths: [24, 90, 60, 80, '*', 62],
          body: state.recipients.map((r, i) => [
            String(i + 1),
            r.nomineeName,
            r.position ?? '',
            r.unitName,
            r.achievements,
            String(r.amount),
          ]),
        },
      },
    ],
  });
  const t5 = now();
  return {
    foldMs: t1 - t0,
    renderMs: t2 - t1,
    identical: sha256(pdf) === sha256(again),
    rerenderMs: t3 - t2,
    certificateMs: t4 - t3,
    bareTableMs: t5 - t4,
    bytes: pdf.length,
  };
}

/**
 * What applying a decision cost per recipient before each recipient's amount travelled in its
 * decisionSigned signal: the nomination's apply step read and folded the whole decision stream
 * (O(n) each, O(n²) for the decision). Timed on a SQLite store holding the decision's events: all
 * n of those reads (what 714b5d4 removed), beside one (what a recipient paid).
 */
async function amountLookups(n: number) {
  const store = new SqliteEventStore({ filename: ':memory:' });
  try {
    const stream = awardDecisionStreamName('bench');
    await store.append(
      stream,
      events(n).map((e, i) => ({
        id: deterministicEventId(stream, 'bench', String(i)),
        type: e.type,
        data: e.data,
        metadata: META,
      })),
      'no_stream',
    );
    const t0 = now();
    for (let i = 0; i < n; i++) {
      const { state } = await loadStream(store, stream, awardDecisionDecider);
      if (state.status === 'NONE' || !state.recipients.find((r) => r.nominationId === `n-${i}`))
        throw new Error('recipient not found');
    }
    return now() - t0;
  } finally {
    store.close();
  }
}

const META = {
  actorId: 'thuky',
  actorRole: 'COUNCIL_SECRETARY',
  occurredAt: '2026-12-20T03:00:00.000Z',
  correlationId: 'bench',
  causationId: 'bench',
  schemaVersion: 1,
};

/** Draft, sign and apply one decision of `n` recipients through the running workflows. */
async function applied(ctx: ScenarioContext, n: number) {
  const stack = await startStack(await nominationWorkflowBundle());
  const http = new HttpClient(stack.url);
  try {
    await waitForHttp(http, '/health', 180_000);
    const { ids } = await sessionOf(ctx, http, n);
    const session = new BenchSession(http);
    await session.login(['thuky', 'chutich']);
    const ok = (who: string, method: string, path: string, body?: unknown) => session.ok(who, method, path, body);
    const t0 = now();
    const { id } = (await ok('thuky', 'POST', '/api/decisions', {
      title: 'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      nominationIds: ids,
    })) as { id: string };
    const t1 = now();
    await ok('chutich', 'POST', `/api/decisions/${id}/signature`, { decision: 'sign' });
    const t2 = now();
    for (;;) {
      const d = (await ok('thuky', 'GET', `/api/decisions/${id}`)) as { status: string };
      if (d.status === 'APPLIED') break;
      if (now() - t2 > 1_800_000) throw new Error(`decision not applied after 30 minutes (${d.status})`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const t3 = now();
    const awarded = (await ok('thuky', 'GET', '/api/nominations?status=AWARDED&pageSize=1')) as { total: number };
    if (awarded.total < n) throw new Error(`only ${awarded.total}/${n} nominations AWARDED`);
    ctx.log(
      `  ${n} recipients: drafted ${Math.round(t1 - t0)} ms, signed ${Math.round(t2 - t1)} ms, applied ${Math.round(t3 - t2)} ms`,
    );
    return { draftMs: t1 - t0, signMs: t2 - t1, applyMs: t3 - t2 };
  } finally {
    http.close();
    await stack.stop();
  }
}

export const decisionsScenario: Scenario = {
  id: 'decisions',
  title: 'Award decision of many recipients: fold, decision PDF (twice, identical), certificate',
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    const n = Number(ctx.options['decision-recipients'] ?? (ctx.quick ? 100 : 1000));
    const reps = ctx.quick ? 1 : 3;
    const runs: Awaited<ReturnType<typeof once>>[] = [];
    for (let i = 0; i < reps; i++) runs.push(await once(n));
    if (!runs.every((r) => r.identical)) throw new Error('the same decision rendered different bytes');
    ctx.log(`  ${n} recipients: PDF ${Math.round(median(runs.map((r) => r.bytes)) / 1024)} KiB, identical twice`);
    const m = (k: keyof (typeof runs)[number]) => median(runs.map((r) => Number(r[k])));
    const result: { rows: Row[]; details: Record<string, unknown> } = {
      rows: [
        row({ scenario: 'decisions', metric: `fold ${n} recipients`, unit: 'ms', ours: m('foldMs'), reps }),
        row({
          scenario: 'decisions',
          metric: `decision PDF, ${n} recipients`,
          unit: 'ms',
          ours: m('renderMs'),
          baseline: m('bareTableMs'),
          baselineName: 'pdfmake, bare table of the same rows',
          reps,
        }),
        row({ scenario: 'decisions', metric: 'certificate PDF with QR', unit: 'ms', ours: m('certificateMs'), reps }),
      ],
      details: { recipients: n, runs },
    };
    const lookups = await amountLookups(n);
    ctx.log(`  ${n} decision-stream reads (the apply step before the amount was carried): ${Math.round(lookups)} ms`);
    result.rows.push(
      row({
        scenario: 'decisions',
        metric: `apply: ${n} reads of the decision stream for the amounts (before; now 0)`,
        unit: 'ms',
        ours: lookups,
        reps: 1,
        note: `${(lookups / n).toFixed(2)} ms per recipient, now carried in decisionSigned`,
      }),
    );
    result.details = { ...result.details, amountLookupsMs: lookups };
    if (ctx.options['decision-apply'] === 'false') return result;
    const a = await applied(ctx, n);
    const s = 'decisions';
    result.rows.push(
      row({ scenario: s, metric: `draft ${n} recipients (running workflows)`, unit: 'ms', ours: a.draftMs, reps: 1 }),
      row({ scenario: s, metric: `sign ${n} recipients (one number)`, unit: 'ms', ours: a.signMs, reps: 1 }),
      row({
        scenario: s,
        metric: `signature → all ${n} nominations AWARDED`,
        unit: 'ms',
        ours: a.applyMs,
        reps: 1,
        note: `${(a.applyMs / n).toFixed(1)} ms per recipient`,
      }),
    );
    return { ...result, details: { ...result.details, applied: a } };
  },
};

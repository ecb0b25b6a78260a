/**
 * Council-session test helpers: nominations brought to the council, the session gateway, and a
 * member's own blind-signature client (RFC 9474, @cloudflare/blindrsa-ts) doing the blinding itself.
 */
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import type { Client } from '@temporalio/client';
import { CouncilSessionGateway, toBase64url, type SessionIntent } from '@tdkt/temporal';
import type { Fixture } from './harness';
import { draftIntent } from './harness';
import type { Driver } from './scenarios';

/** A donvi1 or donvi3 nomination of Bằng khen, endorsed by its cluster: waits for the council. */
export async function openBallotNomination(d: Driver, id: string, unit: 'donvi1' | 'donvi3'): Promise<void> {
  const [officer, head, leader] =
    unit === 'donvi1'
      ? ['canbo.donvi1', 'thutruong.donvi1', 'truongcum.cum1']
      : ['canbo.donvi3', 'thutruong.donvi3', 'truongcum.cum2'];
  await d.draft(id, {}, officer);
  await d.submit(id, head);
  await d.endorse(id, leader);
}

/** A donvi1 nomination for "Công dân Đồng Khởi" (secret ballot; no cluster review): waits for the council. */
export async function secretBallotNomination(d: Driver, id: string): Promise<void> {
  await d.draft(id, { awardCode: 'CONG_DAN_DONG_KHOI' });
  await d.submit(id);
  await d.officeCheck(id);
}

export class SessionDriver {
  readonly gateway: CouncilSessionGateway;
  constructor(
    readonly client: Client,
    taskQueue: string,
    readonly f: Fixture,
  ) {
    this.gateway = new CouncilSessionGateway(client, { taskQueue });
  }
  run(sessionId: string, username: string, intent: SessionIntent) {
    return this.gateway.execute(sessionId, intent, this.f.actor(username));
  }
  convene(sessionId: string, nominationIds: string[], title = 'Phiên họp Hội đồng Thi đua – Khen thưởng tháng 12') {
    return this.run(sessionId, 'thuky', {
      type: 'ConveneSession',
      title,
      scheduledAt: '2026-12-12T08:30:00+07:00',
      nominationIds,
    });
  }
}

/** The member's side of a blind signature: blind, then unblind the server's answer. */
export async function blindBallot(publicKeySpki: string) {
  const suite = RSABSSA.SHA384.PSS.Randomized();
  const pk = await crypto.subtle.importKey(
    'spki',
    Buffer.from(publicKeySpki, 'base64url'),
    { name: 'RSA-PSS', hash: 'SHA-384' },
    true,
    ['verify'],
  );
  const token = suite.prepare(crypto.getRandomValues(new Uint8Array(32)));
  const { blindedMsg, inv } = await suite.blind(pk, token);
  return {
    token: toBase64url(token),
    blindedMessage: toBase64url(blindedMsg),
    async unblind(blindSignature: string) {
      return toBase64url(await suite.finalize(pk, token, Buffer.from(blindSignature, 'base64url'), inv));
    },
  };
}

export { draftIntent };

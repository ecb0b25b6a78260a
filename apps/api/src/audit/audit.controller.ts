import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  domainError,
  mayReadAuditProofs,
  mayReadNomination,
  nominationNotFound,
  nominationStreamName,
  type Actor,
} from '@tdkt/domain';
import { ErrorBody } from '../http/openapi';
import type { ApiRuntime } from '../api-runtime';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { NominationIdPipe } from '../nominations/nominations.controller';
import { API_RUNTIME } from '../tokens';
import { AuditProofs, checkpointView } from './audit-proofs';
import {
  AuditPublicKeyDto,
  CheckpointDto,
  CheckpointsQueryDto,
  ConsistencyProofDto,
  ConsistencyQueryDto,
  InclusionProofDto,
  NominationProofsDto,
  TreeSizeQueryDto,
} from './audit.dto';

/** What an outside verifier needs to know to recompute leaves and check signatures. */
export const AUDIT_FORMATS = {
  leaf: 'SHA-256(0x00 || UTF-8 của JSON chuẩn hóa RFC 8785 {data,id,metadata,position,revision,stream,type})',
  node: 'SHA-256(0x01 || trái || phải) — RFC 9162 §2.1.1',
  checkpoint: 'Ed25519 trên văn bản "tdkt-audit-checkpoint/v1\\n<treeSize>\\n<rootHash hex>\\n<issuedAt>\\n"',
};

/** Proofs only for readers who see every event whole (unsalted leaves; read-access `mayReadAuditProofs`). */
function requireProofReader(actor: Actor): void {
  if (!mayReadAuditProofs(actor)) throw domainError('PROOF_NOT_ALLOWED');
}

const PROOF_FORBIDDEN = {
  type: ErrorBody,
  description: 'PROOF_NOT_ALLOWED: chỉ thanh tra và thường trực hội đồng (lá của nhật ký chưa có muối)',
};

/**
 * The tamper-evident log (RFC 9162): signed checkpoints and the public key are public, so anyone can
 * hold the authority to what it signed. Inclusion and consistency proofs go only to the inspector and
 * the council secretary until leaves are salted: a leaf hashes the whole event, so a proof would let
 * another reader confirm a guess of a field hidden from them (README "Audit log").
 */
@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly proofs: AuditProofs,
  ) {}

  @Public()
  @Get('checkpoints')
  @ApiOkResponse({ type: [CheckpointDto], description: 'Theo kích thước cây tăng dần' })
  @ApiOperation({ summary: 'Các điểm chốt đã ký của nhật ký (kích thước cây, gốc Merkle, thời điểm, chữ ký Ed25519)' })
  async checkpoints(@Query() q: CheckpointsQueryDto) {
    const list = await this.runtime.audit.log.checkpoints({ fromSize: q.fromSize, limit: q.limit ?? 1000 });
    return list.map(checkpointView);
  }

  @Public()
  @Get('checkpoints/latest')
  @ApiOkResponse({ type: CheckpointDto })
  @ApiOperation({ summary: 'Điểm chốt đã ký mới nhất' })
  async latest() {
    const latest = await this.runtime.audit.log.latestCheckpoint();
    if (!latest) throw domainError('CHECKPOINT_NOT_FOUND');
    return checkpointView(latest);
  }

  @Post('checkpoints')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: CheckpointDto })
  @ApiOperation({ summary: 'Ký ngay một điểm chốt cho trạng thái hiện tại của nhật ký (nếu nhật ký đã thêm sự kiện)' })
  async issue() {
    const issued = await this.runtime.audit.checkpointer.issue();
    if (!issued) throw domainError('CHECKPOINT_NOT_FOUND');
    return checkpointView(issued);
  }

  @Public()
  @Get('public-key')
  @ApiOkResponse({ type: AuditPublicKeyDto })
  @ApiOperation({ summary: 'Khóa công khai Ed25519 của cơ quan ký các điểm chốt, và cách tính lá, nút, chữ ký' })
  publicKey() {
    const { signer } = this.runtime.audit.checkpointer;
    return { algorithm: 'Ed25519', keyId: signer.keyId, publicKeyPem: signer.publicKeyPem(), formats: AUDIT_FORMATS };
  }

  @Get('events/:eventId/proof')
  @ApiBearerAuth()
  @ApiOkResponse({ type: InclusionProofDto })
  @ApiForbiddenResponse(PROOF_FORBIDDEN)
  @ApiOperation({
    summary: 'Bằng chứng một sự kiện nằm trong nhật ký đã ký (RFC 9162, đường đi bao hàm) — thanh tra, thường trực',
  })
  proof(@CurrentActor() actor: Actor, @Param('eventId') eventId: string, @Query() q: TreeSizeQueryDto) {
    requireProofReader(actor);
    return this.proofs.forEvent(eventId, q.treeSize);
  }

  @Get('consistency')
  @ApiBearerAuth()
  @ApiOkResponse({ type: ConsistencyProofDto })
  @ApiForbiddenResponse(PROOF_FORBIDDEN)
  @ApiOperation({
    summary:
      'Bằng chứng nhất quán giữa hai điểm chốt (RFC 9162): cây cũ là tiền tố của cây mới — thanh tra, thường trực',
  })
  consistency(@CurrentActor() actor: Actor, @Query() q: ConsistencyQueryDto) {
    requireProofReader(actor);
    return this.proofs.consistency(q.from, q.to);
  }
}

/** A nomination's page proves each of its events is in the signed log. */
@ApiTags('nominations')
@ApiBearerAuth()
@Controller('api/nominations')
export class NominationProofsController {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly proofs: AuditProofs,
  ) {}

  @Get(':id/proofs')
  @ApiOkResponse({ type: NominationProofsDto })
  @ApiForbiddenResponse(PROOF_FORBIDDEN)
  @ApiOperation({
    summary:
      'Bằng chứng từng sự kiện của hồ sơ nằm trong nhật ký đã ký (cùng một điểm chốt): thanh tra, thường trực hội đồng; người khác 403.',
  })
  async nominationProofs(@Param('id', NominationIdPipe) id: string, @CurrentActor() actor: Actor) {
    // Refused before the nomination is looked up: the 403 says nothing of whether it exists.
    requireProofReader(actor);
    const events = await this.runtime.store.readStream(nominationStreamName(id));
    const drafted = events.find((e) => e.type === 'NominationDrafted')?.data as
      { unitId?: string; clusterId?: string } | undefined;
    // Unknown, or outside the reader's scope: the same 404 as the trail itself (existence is not revealed).
    if (events.length === 0 || !mayReadNomination(actor, drafted ?? {})) throw nominationNotFound();
    const logged = await Promise.all(events.map((e) => this.runtime.audit.log.findEvent(e.id)));
    const last = Math.max(...logged.map((l) => l?.index ?? 0));
    const checkpoint = await this.proofs.checkpointCovering(last + 1);
    const items = [];
    for (const [i, l] of logged.entries()) {
      if (!l) throw domainError('AUDIT_EVENT_NOT_FOUND');
      const proof = await this.proofs.forIndex(l.event, l.index, checkpoint.treeSize);
      items.push({
        type: events[i].type,
        revision: events[i].revision,
        position: events[i].position,
        ...proof,
        checkpoint: undefined,
      });
    }
    return { nominationId: id, checkpoint: checkpointView(checkpoint), events: items };
  }
}

import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { domainError, mayReadNomination, nominationNotFound, nominationStreamName, type Actor } from '@tdkt/domain';
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

/**
 * The tamper-evident log (RFC 9162): signed checkpoints and the public key are public, so anyone can
 * hold the authority to what it signed; inclusion and consistency proofs are for signed-in readers.
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
  @ApiOperation({ summary: 'Bằng chứng một sự kiện nằm trong nhật ký đã ký (RFC 9162, đường đi bao hàm)' })
  proof(@Param('eventId') eventId: string, @Query() q: TreeSizeQueryDto) {
    return this.proofs.forEvent(eventId, q.treeSize);
  }

  @Get('consistency')
  @ApiBearerAuth()
  @ApiOkResponse({ type: ConsistencyProofDto })
  @ApiOperation({ summary: 'Bằng chứng nhất quán giữa hai điểm chốt (RFC 9162): cây cũ là tiền tố của cây mới' })
  consistency(@Query() q: ConsistencyQueryDto) {
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
  @ApiOperation({
    summary:
      'Bằng chứng từng sự kiện của hồ sơ nằm trong nhật ký đã ký (cùng một điểm chốt), cho người được xem nhật ký; người khác nhận 404.',
  })
  async nominationProofs(@Param('id', NominationIdPipe) id: string, @CurrentActor() actor: Actor) {
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

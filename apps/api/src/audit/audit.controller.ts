import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  domainError,
  inclusionProofAccess,
  mayReadAuditProofs,
  mayReadNomination,
  nominationNotFound,
  nominationStreamName,
  type Actor,
} from '@tdkt/domain';
import { inclusionProofIsSalted } from '@tdkt/event-store';
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
  leaf:
    'v2: SHA-256(0x00 || muối 16 byte || UTF-8 của {"data":D,"id":I,"metadata":M,"position":P,"revision":R,"stream":S,"type":T} với D, M là JSON đã lưu); ' +
    'muối là bí mật, chỉ có trong tệp xuất cho kiểm toán. v1 (lá ghi trước khi có muối): SHA-256(0x00 || JSON chuẩn hóa RFC 8785 của cùng các trường)',
  node: 'SHA-256(0x01 || trái || phải) — RFC 9162 §2.1.1',
  checkpoint: 'Ed25519 trên văn bản "tdkt-audit-checkpoint/v1\\n<treeSize>\\n<rootHash hex>\\n<issuedAt>\\n"',
};

/** Consistency proofs (and every proof): the readers who see every event whole (`mayReadAuditProofs`). */
function requireProofReader(actor: Actor): void {
  if (!mayReadAuditProofs(actor)) throw domainError('PROOF_NOT_ALLOWED');
}

const PROOF_FORBIDDEN = {
  type: ErrorBody,
  description:
    'PROOF_NOT_ALLOWED: bằng chứng sẽ lộ băm của lá chưa có muối (ghi trước khi nhật ký có muối) — chỉ thanh tra và thường trực hội đồng',
};
const CONSISTENCY_FORBIDDEN = {
  type: ErrorBody,
  description: 'PROOF_NOT_ALLOWED: bằng chứng nhất quán chỉ dành cho thanh tra và thường trực hội đồng',
};

/**
 * The tamper-evident log (RFC 9162): signed checkpoints and the public key are public, so anyone can
 * hold the authority to what it signed. An event's inclusion proof goes to whoever may read its
 * nomination (leaves are salted, so a proof tests no guess of a hidden field; the salts never leave
 * but in the export); consistency proofs and proofs of other events to the inspector and the council
 * secretary (README "Audit log").
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
  @ApiNotFoundResponse({
    type: ErrorBody,
    description: 'AUDIT_EVENT_NOT_FOUND: không có, hoặc người đọc không được xem hồ sơ của nó',
  })
  @ApiOperation({
    summary:
      'Bằng chứng một sự kiện nằm trong nhật ký đã ký (RFC 9162, đường đi bao hàm): sự kiện của hồ sơ mà người đọc được xem; thanh tra, thường trực: mọi sự kiện',
  })
  proof(@CurrentActor() actor: Actor, @Param('eventId') eventId: string, @Query() q: TreeSizeQueryDto) {
    return this.proofs.forEvent(actor, eventId, q.treeSize);
  }

  @Get('consistency')
  @ApiBearerAuth()
  @ApiOkResponse({ type: ConsistencyProofDto })
  @ApiForbiddenResponse(CONSISTENCY_FORBIDDEN)
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
      'Bằng chứng từng sự kiện của hồ sơ nằm trong nhật ký đã ký (cùng một điểm chốt), cho người được xem hồ sơ; lá có muối nên bằng chứng không lộ nội dung bị ẩn.',
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
    const unsalted = await this.runtime.audit.log.unsaltedLeaves();
    const items = [];
    for (const [i, l] of logged.entries()) {
      if (!l) throw domainError('AUDIT_EVENT_NOT_FOUND');
      const access = inclusionProofAccess(actor, {
        nomination: drafted ?? {},
        onlySaltedHashes: inclusionProofIsSalted(l.index, checkpoint.treeSize, unsalted),
      });
      if (access !== 'allowed') throw domainError('PROOF_NOT_ALLOWED');
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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOMINATION_STATUSES } from '@tdkt/domain';

/**
 * What the nomination and registry endpoints answer, for the OpenAPI document (the code's own types
 * are the read models' interfaces; these classes only describe them).
 */

const PERSONAL =
  'Dữ liệu cá nhân: đầy đủ cho thường trực hội đồng, thanh tra và đơn vị đề nghị; người khác thấy dạng che (•••234); công chúng không thấy.';

export class CommandResultDto {
  @ApiProperty({ description: 'Mã hồ sơ' }) id: string;
  @ApiProperty({ enum: NOMINATION_STATUSES }) status: string;
  @ApiProperty() onHold: boolean;
  @ApiProperty({ description: 'Số phiên bản của luồng sự kiện hồ sơ' }) revision: number;
  @ApiProperty({ description: 'Vị trí sự kiện cuối của lệnh (các bảng đọc đã đến vị trí này)' }) position: number;
  @ApiPropertyOptional({ description: 'Số quyết định khi Chủ tịch ký', example: '163/QĐ-UBND' })
  decisionNumber?: string;
  @ApiPropertyOptional({ description: 'Hủy bỏ khen thưởng: số của quyết định hủy bỏ', example: '170/QĐ-UBND' })
  revocationDecisionNumber?: string;
  @ApiPropertyOptional({
    description:
      'Hủy bỏ khen thưởng: mã quyết định hủy bỏ (GET /api/decisions/{id}, văn bản PDF). Cơ quan đánh số ngoài hệ thống chưa nhập số: quyết định chờ văn thư vào sổ (POST /api/decisions/{id}/number), khen thưởng còn hiệu lực đến lúc đó',
  })
  revocationDecisionId?: string;
  @ApiPropertyOptional({
    description:
      'Ký một hồ sơ khi cơ quan đánh số ngoài hệ thống (external): mã quyết định một người (GET /api/decisions/{id}). Chưa nhập số khi ký: hồ sơ còn chờ, văn thư vào sổ (POST /api/decisions/{id}/number) thì hồ sơ được khen thưởng với số đó',
  })
  decisionId?: string;
}

export class VoteTallyDto {
  @ApiProperty() members: number;
  @ApiProperty() approve: number;
  @ApiProperty() reject: number;
  @ApiProperty() abstain: number;
  @ApiProperty() recused: number;
  @ApiProperty({ description: 'Tỷ lệ tham gia trên TỔNG số thành viên' }) participation: number;
  @ApiProperty({ description: 'Tỷ lệ đồng ý trên TỔNG số thành viên' }) approval: number;
}

export class NominationSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOMINATION_STATUSES }) status: string;
  @ApiProperty() onHold: boolean;
  @ApiProperty({ nullable: true, type: String }) holdMatter: string | null;
  @ApiProperty({ nullable: true, type: String }) stageSince: string | null;
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String }) clusterId: string | null;
  @ApiProperty({ nullable: true, type: String }) campaignId: string | null;
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ nullable: true, type: String }) awardCode: string | null;
  @ApiProperty({ nullable: true, type: String }) awardName: string | null;
  @ApiProperty({ nullable: true, type: String, description: `Mã định danh người được đề nghị. ${PERSONAL}` })
  nomineeId: string | null;
  @ApiProperty({ nullable: true, type: String }) nomineeName: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['individual', 'collective'] }) nomineeKind: string | null;
  @ApiProperty({ description: 'Khen thưởng đột xuất' }) oneOff: boolean;
  @ApiProperty() round: number;
  @ApiProperty({ nullable: true, type: String }) draftedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) draftedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Hạn xử lý của bước hiện tại' }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String }) escalatedTo: string | null;
  @ApiProperty({ type: [String], description: 'Đang chờ ai: UNIT_HEAD:donvi1, COUNCIL_MEMBER:hoidong2, CHAIRMAN…' })
  awaiting: string[];
  @ApiProperty({ nullable: true, type: VoteTallyDto, description: 'Kết quả biểu quyết, khi đã kết thúc' })
  tally: VoteTallyDto | null;
  @ApiProperty({ nullable: true, type: String }) councilOutcome: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) signedAt: string | null;
  @ApiProperty() lastPosition: number;
  @ApiProperty() revision: number;
}

export class NominationPageDto {
  @ApiProperty({ type: [NominationSummaryDto] }) items: NominationSummaryDto[];
  @ApiProperty({ description: 'Tổng số hồ sơ người đọc được xem khớp bộ lọc (chỉ đếm những gì được xem)' })
  total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CouncilPolicyDto {
  @ApiProperty() quorum: number;
  @ApiProperty() threshold: number;
  @ApiProperty() secretBallot: boolean;
}

export class CouncilSummaryDto {
  @ApiProperty() open: boolean;
  @ApiProperty({ type: [String] }) members: string[];
  @ApiProperty({ description: 'Số phiếu đã bỏ (không cho biết ai chọn gì)' }) votesCast: number;
  @ApiProperty({ type: [String] }) recused: string[];
  @ApiProperty() deadline: string;
  @ApiProperty({ type: CouncilPolicyDto }) policy: CouncilPolicyDto;
}

export class EligibilityDto {
  @ApiProperty({ type: [String], example: ['Đạt: 3 năm liên tục đạt Chiến sĩ thi đua cơ sở (2023–2025)'] })
  reasons: string[];
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['DRAFT', 'COUNCIL_VOTING'] }) stage: 'DRAFT' | 'COUNCIL_VOTING';
}

export class NominationDetailDto extends NominationSummaryDto {
  @ApiProperty() achievements: string;
  @ApiProperty({ type: [String] }) documents: string[];
  @ApiProperty({ nullable: true, type: String }) stage: string | null;
  @ApiProperty({ nullable: true, type: String }) reminderAt: string | null;
  @ApiProperty({ nullable: true, type: CouncilSummaryDto }) council: CouncilSummaryDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: () => EligibilityDto,
    description:
      'Vì sao đủ điều kiện, theo quá trình khen thưởng: khi lập hồ sơ, và kiểm tra lại khi Hội đồng mở biểu quyết',
  })
  eligibility?: EligibilityDto | null;
  @ApiPropertyOptional({ description: 'Với `asOf`: thời điểm mà hồ sơ được tính lại (ISO-8601, UTC)' })
  asOf?: string;
  @ApiPropertyOptional({
    type: () => AuditEntryDto,
    isArray: true,
    description: 'Với `asOf`: nhật ký đến thời điểm đó, theo cùng quy tắc xem như GET /api/nominations/{id}/audit',
  })
  auditTrail?: AuditEntryDto[];
}

export class AuditEntryDto {
  @ApiProperty() nominationId: string;
  @ApiProperty({
    description: 'Luồng sự kiện: của hồ sơ (`nomination-<id>`) hoặc của bộ tài liệu hồ sơ (`dossier-<id>`)',
  })
  stream: string;
  @ApiProperty({ description: 'Số thứ tự của sự kiện trong luồng của nó' }) revision: number;
  @ApiProperty() position: number;
  @ApiProperty() eventId: string;
  @ApiProperty({ example: 'ClusterEndorsed' }) eventType: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ nullable: true, type: String }) actorUnitId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorClusterId: string | null;
  @ApiProperty({ nullable: true, type: String }) occurredAt: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedAt: string | null;
  @ApiProperty({ example: 'Trưởng cụm thi đua đồng ý đề nghị' }) summary: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Ghi chú. Ý kiến kèm phiếu biểu quyết: chỉ thanh tra, thường trực và thành viên hội đồng, và chỉ khi được xem lựa chọn.',
  })
  comment: string | null;
  @ApiProperty({ nullable: true, type: String }) correlationId: string | null;
  @ApiProperty({ nullable: true, type: String }) causationId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: `Dữ liệu của sự kiện. Lựa chọn biểu quyết (choice) chỉ thanh tra thấy khi chưa kết thúc biểu quyết. ${PERSONAL}`,
  })
  data: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Trưởng cụm thi đua' }) actorRoleLabel: string | null;
  @ApiProperty({ nullable: true, type: String }) actorUnitName: string | null;
}

export class AwardDto {
  @ApiProperty() nominationId: string;
  @ApiProperty({ example: '163/QĐ-UBND' }) decisionNumber: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: `Mã định danh người được khen thưởng: không có với người chưa đăng nhập. ${PERSONAL}`,
  })
  nomineeId?: string | null;
  @ApiProperty() nomineeName: string;
  @ApiProperty({ nullable: true, type: String }) nomineeKind: string | null;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String }) campaignId: string | null;
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty() oneOff: boolean;
  @ApiProperty({ nullable: true, type: String }) signedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) signedBy: string | null;
  @ApiProperty({ nullable: true, type: Number }) cashMultiple: number | null;
  @ApiProperty() revoked: boolean;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) revocationGround: string | null;
  @ApiProperty({ nullable: true, type: String }) revocationReason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Quyết định (nhiều người/tập thể) đã ghi khen thưởng này' })
  decisionId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Năm ký quyết định (số quyết định đánh lại mỗi năm ký)' })
  signingYear: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Số quyết định hủy bỏ khen thưởng' })
  revocationDecisionNumber: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Năm ký quyết định hủy bỏ' })
  revocationYear: number | null;
  @ApiPropertyOptional({
    type: String,
    description: 'Cấp quyết định khen thưởng trên cấp tỉnh (ví dụ Thủ tướng Chính phủ); không có: Chủ tịch UBND tỉnh',
  })
  authority?: string;
}

export class AwardPageDto {
  @ApiProperty({ type: [AwardDto] }) items: AwardDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DecisionDto {
  @ApiProperty({
    enum: ['AWARD', 'REVOCATION'],
    description: 'REVOCATION: số của quyết định hủy bỏ; awards là các khen thưởng bị hủy',
  })
  kind: 'AWARD' | 'REVOCATION';
  @ApiProperty({ example: '163/QĐ-UBND' }) decisionNumber: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Năm ký' }) year: number | null;
  @ApiProperty({ nullable: true, type: String }) decisionId: string | null;
  @ApiProperty({ nullable: true, type: String }) signedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) signedBy: string | null;
  @ApiProperty({ type: [AwardDto] }) awards: AwardDto[];
  @ApiProperty({ type: [Number], description: 'Các năm khác có quyết định cùng số' }) otherYears: number[];
}

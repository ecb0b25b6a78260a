import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DraftedDecisionDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['DRAFT'] }) status: string;
}

export class DecisionCommandResultDto {
  @ApiProperty() decisionId: string;
  @ApiProperty({ enum: ['DRAFT', 'SIGNED', 'ISSUED', 'APPLIED', 'DECLINED'] }) status: string;
  @ApiProperty({ nullable: true, type: String, example: '163/QĐ-UBND' }) decisionNumber: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Thời điểm ký (ISO)' }) signedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Năm ký' }) year: number | null;
}

export class DecisionSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['AWARD', 'REVOCATION'] }) kind: string;
  @ApiProperty({ example: 'UBND' }) authority: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['DRAFT', 'SIGNED', 'ISSUED', 'APPLIED', 'DECLINED'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) decisionNumber: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Năm ký' }) year: number | null;
  @ApiProperty() draftedAt: string;
  @ApiProperty({ nullable: true, type: String }) signedAt: string | null;
  @ApiProperty() recipients: number;
}

export class DecisionRecipientDto {
  @ApiProperty() no: number;
  @ApiProperty() nominationId: string;
  @ApiProperty() nomineeName: string;
  @ApiProperty() nomineeKind: string;
  @ApiPropertyOptional() position?: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() achievements: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty() cashMultiple: number;
  @ApiProperty({ description: 'Số tiền thưởng (đồng) = hệ số × lương cơ sở' }) amount: number;
}

export class BaseSalaryDto {
  @ApiProperty() amount: number;
  @ApiProperty() currency: string;
  @ApiProperty() effectiveFrom: string;
  @ApiProperty() source: string;
}

export class DecisionDetailDto extends DecisionSummaryDto {
  @ApiProperty({ enum: ['register', 'external'] }) numbering: string;
  @ApiProperty() authorityName: string;
  @ApiProperty({ type: [String] }) bases: string[];
  @ApiProperty({ type: [String] }) awardCodes: string[];
  @ApiProperty({ type: BaseSalaryDto }) baseSalary: BaseSalaryDto;
  @ApiProperty({ type: [DecisionRecipientDto] }) recipientList: DecisionRecipientDto[];
  @ApiProperty({ description: 'Hồ sơ đã đưa ra khỏi dự thảo, với lý do', type: 'array', items: { type: 'object' } })
  removed: { nominationId: string; reason: string }[];
  @ApiProperty({ nullable: true, type: String }) signerName: string | null;
  @ApiProperty({ nullable: true, type: String }) declineReason: string | null;
  @ApiProperty({ description: 'Tổng số tiền thưởng (đồng)' }) total: number;
}

export class VerificationDto {
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['VALID', 'REVOKED'] }) status: 'VALID' | 'REVOKED';
  @ApiProperty() recipient: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty() decisionNumber: string;
  @ApiProperty({ nullable: true, type: String }) signedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Năm ký' }) year: number | null;
  @ApiProperty({ example: 'UBND' }) authority: string;
  @ApiProperty({ nullable: true, type: String }) authorityName: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'SHA-256 (hex) của văn bản quyết định đã ký (GET /api/decisions/:id/document.pdf), tính lại được từ các sự kiện',
  })
  documentSha256: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revocationGround: string | null;
  @ApiProperty({ nullable: true, type: String }) revocationDecisionNumber: string | null;
  @ApiProperty({ nullable: true, type: Number }) revocationYear: number | null;
}

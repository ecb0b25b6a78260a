import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CouncilPolicyDto, VoteTallyDto } from '../nominations/dto/responses.dto';

/**
 * What the council-session endpoints answer, for the OpenAPI document (the code's own types are the
 * session view, the read model's rows and the gateway's outcome; these classes only describe them).
 */

const SESSION_STATUSES = ['SCHEDULED', 'OPEN', 'CLOSED'];
const CHOICES = ['approve', 'reject', 'abstain'];

export class ConvenedSessionDto {
  @ApiProperty({ description: 'Mã phiên họp' }) id: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: string;
}

export class SessionCommandResultDto {
  @ApiProperty({ description: 'Mã phiên họp' }) sessionId: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: string;
  @ApiProperty({ description: 'Số phiên bản của luồng sự kiện phiên họp' }) revision: number;
  @ApiProperty({ description: 'Vị trí sự kiện cuối của lệnh (các bảng đọc đã đến vị trí này)' }) position: number;
}

export class BlindSignatureDto {
  @ApiProperty({ description: 'Chữ ký mù (RFC 9474 BlindSign), base64url' }) blindSignature: string;
}

export class SecretBallotReceiptDto {
  @ApiProperty({ description: 'Biên nhận: SHA-256 (hex) của mã phiếu — tìm lại phiếu của mình sau khi bế mạc' })
  receipt: string;
}

export class SessionSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Thời điểm họp (ISO 8601)' }) scheduledAt: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: string;
  @ApiProperty({ description: 'Số hồ sơ trong chương trình' }) items: number;
  @ApiProperty({ type: String, nullable: true }) openedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt: string | null;
}

export class AttendeeDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() present: boolean;
  @ApiProperty({
    enum: ['IN_PERSON', 'IN_WRITING'],
    nullable: true,
    description: 'Đã gửi phiếu công khai chưa, cách nào',
  })
  ballot: string | null;
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendeeDto] }) members: AttendeeDto[];
  @ApiProperty() present: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Số thành viên cần có mặt để khai mạc' }) required: number;
  @ApiProperty({ description: 'Tỷ lệ trên TỔNG số thành viên (quy chế)' }) quorum: number;
  @ApiProperty({ description: 'Căn cứ của tỷ lệ' }) source: string;
}

export class SecretCountsDto {
  @ApiProperty({ description: 'Số chữ ký mù đã cấp' }) issued: number;
  @ApiProperty({ description: 'Số phiếu kín đã bỏ' }) cast: number;
  @ApiProperty({ description: 'SHA-256 của danh sách phiếu kín công bố' }) ballotsHash: string;
}

export class AgendaItemDto {
  @ApiProperty({ description: 'Số thứ tự' }) no: number;
  @ApiProperty() nominationId: string;
  @ApiProperty({ description: 'Tên người/tập thể được đề nghị' }) nominee: string;
  @ApiProperty() unitId: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty() secretBallot: boolean;
  @ApiProperty({ type: CouncilPolicyDto }) rule: CouncilPolicyDto;
  @ApiProperty({ enum: ['SCHEDULED', 'VOTING', 'DECIDED'] }) status: string;
  @ApiProperty({ type: [String], description: 'Thành viên không biểu quyết hồ sơ này (tự rút hoặc theo quy tắc)' })
  recused: string[];
  @ApiPropertyOptional({ description: 'Hồ sơ bỏ phiếu kín: số chữ ký mù đã cấp' }) signaturesIssued?: number;
  @ApiPropertyOptional({ type: VoteTallyDto, description: 'Sau khi bế mạc' }) tally?: VoteTallyDto;
  @ApiPropertyOptional({ enum: ['APPROVED', 'QUORUM_NOT_MET', 'THRESHOLD_NOT_MET'], description: 'Sau khi bế mạc' })
  outcome?: string;
  @ApiPropertyOptional({ type: SecretCountsDto, nullable: true, description: 'Sau khi bế mạc, hồ sơ bỏ phiếu kín' })
  secret?: SecretCountsDto | null;
}

export class WithdrawnItemDto {
  @ApiProperty() nominationId: string;
  @ApiProperty({ description: 'Tên người/tập thể được đề nghị' }) nominee: string;
  @ApiProperty() unitId: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty({ enum: ['NOT_ELIGIBLE'] }) code: string;
  @ApiProperty({ description: 'Lý do (điều kiện chưa đạt theo lịch sử khen thưởng lúc khai mạc)' }) reason: string;
  @ApiProperty({ description: 'Thời điểm rút khỏi chương trình (khai mạc)' }) at: string;
}

export class SessionDetailDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() scheduledAt: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: string;
  @ApiPropertyOptional() openedAt?: string;
  @ApiPropertyOptional() closedAt?: string;
  @ApiProperty({ type: AttendanceDto }) attendance: AttendanceDto;
  @ApiProperty({ type: [AgendaItemDto] }) agenda: AgendaItemDto[];
  @ApiProperty({
    type: [WithdrawnItemDto],
    description: 'Hồ sơ rút khỏi chương trình khi khai mạc vì không còn đủ điều kiện (lịch sử khen thưởng đã thay đổi)',
  })
  withdrawn: WithdrawnItemDto[];
}

export class SecretItemKeyDto {
  @ApiProperty({ example: 'RSABSSA-SHA384-PSS-Randomized' }) suite: string;
  @ApiProperty({ description: 'Khóa công khai RSA của hồ sơ (SPKI DER, base64url)' }) publicKey: string;
}

export class PublishedBallotDto {
  @ApiProperty({ description: 'SHA-256 (hex) của mã phiếu = biên nhận của người bỏ phiếu' }) tokenHash: string;
  @ApiProperty({ enum: CHOICES }) choice: string;
}

export class BallotCountsDto {
  @ApiProperty() approve: number;
  @ApiProperty() reject: number;
  @ApiProperty() abstain: number;
}

export class PublishedBallotsDto {
  @ApiProperty({ example: 'RSABSSA-SHA384-PSS-Randomized' }) suite: string;
  @ApiProperty({ description: 'SHA-256 của danh sách phiếu (in trong biên bản)' }) ballotsHash: string;
  @ApiProperty({ type: BallotCountsDto }) counts: BallotCountsDto;
  @ApiProperty({ type: [PublishedBallotDto], description: 'Theo thứ tự mã băm tăng dần' })
  ballots: PublishedBallotDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { HOLD_MATTERS, REVOCATION_GROUNDS } from '@tdkt/domain';
import { RegisterPersonDto } from '../../people/people.dto';

const TEXT = 10_000;
const NAME = 300;
const COMMENT = 2_000;

export class NomineeDto {
  @ApiProperty({ enum: ['individual', 'collective'] })
  @IsIn(['individual', 'collective'], { message: 'kind phải là individual (cá nhân) hoặc collective (tập thể)' })
  kind: 'individual' | 'collective';

  @ApiProperty({
    example: 'Nguyễn Văn An',
    description: 'Bỏ trống khi có personId hoặc subUnitId: lấy từ danh sách nhân sự / bộ phận trực thuộc',
  })
  @ValidateIf((o: NomineeDto) => !(o.personId || o.subUnitId) || o.name !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'Cần tên người/tập thể được đề nghị' })
  @MaxLength(NAME)
  name: string;

  @ApiPropertyOptional({
    description: 'Người trong danh sách nhân sự (GET /api/people): họ tên, giới tính, chức vụ lấy từ danh sách',
    example: 'p-2f1c…',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'personId chỉ gồm chữ, số, "-" và "_"' })
  personId?: string;

  @ApiPropertyOptional({
    description:
      'Tập thể là bộ phận trực thuộc của đơn vị (phòng, tổ, khoa… — GET /api/units/{unitId}/sub-units): tên lấy từ danh sách; quá trình khen thưởng theo mã này',
    example: 'tt-donvi1-1',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'subUnitId chỉ gồm chữ, số, "-" và "_"' })
  subUnitId?: string;

  @ApiPropertyOptional({ enum: ['male', 'female'] })
  @IsOptional()
  @IsIn(['male', 'female'], { message: 'Giới tính là male (nam) hoặc female (nữ)' })
  gender?: 'male' | 'female';

  @ApiPropertyOptional({ description: 'Người trực tiếp lao động, sản xuất, công tác' })
  @IsOptional()
  @IsBoolean()
  directWorker?: boolean;

  @ApiPropertyOptional({ description: 'Tập thể cơ sở' })
  @IsOptional()
  @IsBoolean()
  grassroots?: boolean;

  @ApiPropertyOptional({
    description: 'Mã định danh ổn định (CCCD, mã cán bộ, mã đơn vị). Bỏ trống: suy ra từ đơn vị và họ tên.',
    example: 'cccd-083090001234',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nomineeId?: string;

  @ApiPropertyOptional({ description: 'Tài khoản của chính người được đề nghị (nếu có), để buộc rút khỏi biểu quyết' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId?: string;

  @ApiPropertyOptional({ example: 'Giáo viên' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  position?: string;
}

export class DraftNominationDto {
  @ApiProperty({ example: 'dong-khoi-moi-2026' })
  @IsString()
  @IsNotEmpty({ message: 'Cần chọn đợt thi đua' })
  @MaxLength(100)
  campaignId: string;

  @ApiProperty({ example: 'BANG_KHEN_TINH' })
  @IsString()
  @Matches(/^[A-Z0-9_]+$/, { message: 'awardCode là mã hình thức khen thưởng viết hoa, ví dụ BANG_KHEN_TINH' })
  @MaxLength(100)
  awardCode: string;

  @ApiProperty({ type: NomineeDto })
  @IsObject({ message: 'nominee phải là một đối tượng' })
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee: NomineeDto;

  @ApiProperty({ example: 'Hoàn thành xuất sắc nhiệm vụ năm 2026; sáng kiến được công nhận cấp tỉnh' })
  @IsString()
  @IsNotEmpty({ message: 'Cần tóm tắt thành tích' })
  @MaxLength(TEXT)
  achievements: string;

  @ApiPropertyOptional({ type: [String], example: ['to-trinh.pdf', 'bao-cao-thanh-tich.pdf'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  documents?: string[];

  @ApiPropertyOptional({
    description:
      'Không dùng khi lập hồ sơ: khen thưởng đột xuất do thủ trưởng đơn vị xác định khi trình (POST /api/nominations/{id}/submit, `oneOff`). Gửi true ở đây bị từ chối (403 ONE_OFF_NOT_ALLOWED).',
    deprecated: true,
  })
  @IsOptional()
  @IsBoolean()
  oneOff?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT)
  comment?: string;

  @ApiPropertyOptional({
    type: RegisterPersonDto,
    description:
      'Đăng ký người được đề nghị vào danh sách nhân sự cùng lúc lập hồ sơ (khi họ chưa có trong danh sách); hồ sơ gắn với người mới này',
  })
  @IsOptional()
  @IsObject({ message: 'newPerson phải là một đối tượng' })
  @ValidateNested()
  @Type(() => RegisterPersonDto)
  newPerson?: RegisterPersonDto;
}

export class EditNominationDto {
  @ApiPropertyOptional({ type: NomineeDto })
  @IsOptional()
  @IsObject({ message: 'nominee phải là một đối tượng' })
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee?: NomineeDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  achievements?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  documents?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT)
  comment?: string;
}

/** Commands that carry nothing but an optional comment (submit, open/close voting, release, withdraw, recusal). */
export class CommentDto {
  @ApiPropertyOptional({ description: 'Ghi chú / lý do' })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT)
  comment?: string;
}

/** The unit head's submission: a comment, and whether the nomination is one-off (đột xuất). */
export class SubmitDto extends CommentDto {
  @ApiPropertyOptional({
    description:
      'Khen thưởng đột xuất (thủ trưởng đơn vị xác định khi trình lần đầu): nhận cả sau hạn của đợt, không qua cụm thi đua. Chỉ với hình thức mà danh mục cho phép (oneOffAllowed).',
  })
  @IsOptional()
  @IsBoolean()
  oneOff?: boolean;
}

export class ClusterReviewDto {
  @ApiProperty({ enum: ['endorse', 'return', 'reject'] })
  @IsIn(['endorse', 'return', 'reject'], { message: 'decision phải là endorse, return hoặc reject' })
  decision: 'endorse' | 'return' | 'reject';

  @ApiPropertyOptional({ description: 'Bắt buộc khi trả lại hoặc không đề nghị' })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT)
  comment?: string;
}

export class OfficeCheckDto {
  @ApiProperty({
    enum: ['complete', 'incomplete'],
    description: 'complete → trình Hội đồng; incomplete → trả lại đơn vị',
  })
  @IsIn(['complete', 'incomplete'], { message: 'result phải là complete (đầy đủ) hoặc incomplete (chưa đầy đủ)' })
  result: 'complete' | 'incomplete';

  @ApiPropertyOptional({
    type: [String],
    description: 'Bắt buộc khi chưa đầy đủ: các thành phần còn thiếu (mã loại tài liệu hoặc mô tả)',
    example: ['BIEN_BAN_HOP_XET'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  missing?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT)
  comment?: string;
}

export class VoteDto {
  @ApiProperty({ enum: ['approve', 'reject', 'abstain'] })
  @IsIn(['approve', 'reject', 'abstain'], { message: 'choice phải là approve, reject hoặc abstain' })
  choice: 'approve' | 'reject' | 'abstain';

  @ApiPropertyOptional({ description: 'Thành viên vắng mặt biểu quyết bằng văn bản' })
  @IsOptional()
  @IsBoolean()
  inWriting?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT)
  comment?: string;
}

export class SignatureDto {
  @ApiProperty({ enum: ['sign', 'decline'] })
  @IsIn(['sign', 'decline'], { message: 'decision phải là sign hoặc decline' })
  decision: 'sign' | 'decline';

  @ApiPropertyOptional({
    description:
      'Chỉ với cơ quan đánh số ngoài hệ thống (external): số văn thư cấp từ sổ đăng ký văn bản; bỏ trống thì văn thư vào sổ sau (POST /api/decisions/{decisionId}/number). Số đã dùng trong năm ký → 409; cơ quan đánh số theo sổ của hệ thống (register) → 400',
    example: '163/QĐ-UBND',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  number?: string;

  @ApiPropertyOptional({ description: 'Bắt buộc khi không ký' })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT)
  comment?: string;
}

export class HoldDto {
  @ApiProperty({ enum: HOLD_MATTERS })
  @IsIn(HOLD_MATTERS, { message: `matter phải là một trong ${HOLD_MATTERS.join(', ')}` })
  matter: (typeof HOLD_MATTERS)[number];

  @ApiProperty({ description: 'Lý do tạm dừng' })
  @IsString()
  @IsNotEmpty({ message: 'Tạm dừng phải nêu lý do' })
  @MaxLength(COMMENT)
  comment: string;
}

export class RevocationDto {
  @ApiProperty({ enum: REVOCATION_GROUNDS })
  @IsIn(REVOCATION_GROUNDS, { message: `ground phải là một trong ${REVOCATION_GROUNDS.join(', ')}` })
  ground: (typeof REVOCATION_GROUNDS)[number];

  @ApiProperty({ description: 'Lý do hủy bỏ khen thưởng' })
  @IsString()
  @IsNotEmpty({ message: 'Hủy bỏ khen thưởng phải nêu lý do' })
  @MaxLength(COMMENT)
  reason: string;

  @ApiPropertyOptional({
    description:
      'Chỉ với cơ quan đánh số ngoài hệ thống (external): số của quyết định hủy bỏ theo sổ của văn thư; bỏ trống thì văn thư vào sổ sau. Số đã dùng trong năm ký → 409',
    example: '171/QĐ-UBND',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  number?: string;
}

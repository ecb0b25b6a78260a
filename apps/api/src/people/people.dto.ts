import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PagingDto } from '../nominations/dto/query.dto';

const NAME = 300;
const ID = /^[A-Za-z0-9_-]{1,100}$/;

export class RegisterPersonDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @IsNotEmpty({ message: 'Cần họ và tên' })
  @MaxLength(NAME)
  fullName: string;

  @ApiPropertyOptional({ description: 'Đơn vị công tác; bỏ trống: đơn vị của người đăng ký', example: 'donvi1' })
  @IsOptional()
  @IsString()
  @Matches(ID, { message: 'Mã đơn vị chỉ gồm chữ, số, "-" và "_"' })
  unitId?: string;

  @ApiPropertyOptional({ example: '1985-04-12', description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày sinh viết YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: ['male', 'female'] })
  @IsOptional()
  @IsIn(['male', 'female'], { message: 'Giới tính là male (nam) hoặc female (nữ)' })
  gender?: 'male' | 'female';

  @ApiPropertyOptional({ example: 'Giáo viên' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  position?: string;

  @ApiPropertyOptional({ description: 'Người trực tiếp lao động, sản xuất, công tác' })
  @IsOptional()
  @IsBoolean({ message: 'directWorker là true hoặc false' })
  directWorker?: boolean;

  @ApiPropertyOptional({ example: '083090001234', description: 'Số CCCD (12 chữ số), lưu mã hóa' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  citizenId?: string;
}

export class MovePersonDto {
  @ApiProperty({ example: 'donvi3' })
  @IsString()
  @Matches(ID, { message: 'Mã đơn vị chỉ gồm chữ, số, "-" và "_"' })
  toUnitId: string;

  @ApiPropertyOptional({ example: 'Phó Trưởng phòng' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  position?: string;
}

export class LookupPersonDto {
  @ApiProperty({ example: '083090001234' })
  @IsString()
  @IsNotEmpty({ message: 'Cần số CCCD' })
  @MaxLength(20)
  citizenId: string;
}

export class RecordAwardDto {
  @ApiProperty({ example: 'CSTD_CO_SO', description: 'Mã trong danh mục, hoặc mã riêng kèm awardName' })
  @IsString()
  @Matches(/^[A-Z0-9_]{1,100}$/, { message: 'awardCode là mã viết hoa, ví dụ CSTD_CO_SO' })
  awardCode: string;

  @ApiPropertyOptional({ example: 'Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  awardName?: string;

  @ApiProperty({ example: 2025 })
  @IsInt({ message: 'Năm thành tích là số nguyên' })
  @Min(1945)
  @Max(2200)
  year: number;

  @ApiProperty({ example: '38/QĐ-SGDĐT' })
  @IsString()
  @IsNotEmpty({ message: 'Cần số quyết định' })
  @MaxLength(100)
  decisionNumber: string;

  @ApiProperty({ example: '2025-12-26' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày quyết định viết YYYY-MM-DD' })
  decisionDate: string;

  @ApiProperty({ example: 'Giám đốc Sở Giáo dục và Đào tạo' })
  @IsString()
  @IsNotEmpty({ message: 'Cần cơ quan/người quyết định' })
  @MaxLength(NAME)
  authority: string;

  @ApiPropertyOptional({ description: 'Khen thưởng đột xuất' })
  @IsOptional()
  @IsBoolean()
  oneOff?: boolean;
}

export class ListPeopleQueryDto extends PagingDto {
  @ApiPropertyOptional({ description: 'Chỉ người đang công tác ở đơn vị này' })
  @IsOptional()
  @IsString()
  @Matches(ID, { message: 'Mã đơn vị chỉ gồm chữ, số, "-" và "_"' })
  unitId?: string;

  @ApiPropertyOptional({ description: 'Tìm theo họ tên (không phân biệt dấu)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ImportQueryDto {
  @ApiPropertyOptional({ description: 'true: chỉ kiểm tra, không ghi gì', enum: ['true', 'false'] })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun là true hoặc false' })
  dryRun?: boolean;
}

// Responses

export class UnitSpellDto {
  @ApiProperty() unitId: string;
  @ApiPropertyOptional() unitName?: string;
  @ApiProperty() from: string;
  @ApiPropertyOptional() to?: string;
  @ApiPropertyOptional() position?: string;
}

export class PersonSummaryDto {
  @ApiProperty({ example: 'p-2f1c…' }) id: string;
  @ApiProperty({ enum: ['individual'] }) kind: 'individual';
  @ApiProperty() fullName: string;
  @ApiProperty() unitId: string;
  @ApiPropertyOptional() unitName?: string;
  @ApiPropertyOptional() position?: string;
  @ApiPropertyOptional({ enum: ['male', 'female'] }) gender?: 'male' | 'female';
  @ApiPropertyOptional() directWorker?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Chỉ người được phép xem; người khác: null' })
  dateOfBirth: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Số CCCD: đầy đủ cho người được phép xem, che (••••••••234) cho người khác; null nếu không có',
  })
  citizenId: string | null;
}

export class HistoryEntryDto {
  @ApiProperty() recordId: string;
  @ApiProperty() awardCode: string;
  @ApiPropertyOptional() awardName?: string;
  @ApiProperty() year: number;
  @ApiPropertyOptional() campaignId?: string;
  @ApiPropertyOptional() decisionNumber?: string;
  @ApiPropertyOptional() decisionDate?: string;
  @ApiPropertyOptional() authority?: string;
  @ApiProperty() oneOff: boolean;
  @ApiProperty() revoked: boolean;
}

export class PersonDetailDto extends PersonSummaryDto {
  @ApiProperty({ type: [UnitSpellDto], description: 'Quá trình công tác: các đơn vị, từ ngày – đến ngày' })
  units: UnitSpellDto[];
  @ApiProperty({ type: [HistoryEntryDto], description: 'Quá trình khen thưởng' })
  awards: HistoryEntryDto[];
}

export class PeoplePageDto {
  @ApiProperty({ type: [PersonSummaryDto] }) items: PersonSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PeopleListDto {
  @ApiProperty({ type: [PersonSummaryDto] }) items: PersonSummaryDto[];
}

export class RegisteredDto {
  @ApiProperty() id: string;
}

export class AwardRecordedDto {
  @ApiProperty() recordId: string;
  @ApiProperty({ description: 'false: mục này đã có trong quá trình khen thưởng (gửi lại), không ghi thêm' })
  recorded: boolean;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Số dòng trong bảng tính' }) row: number;
  @ApiPropertyOptional() field?: string;
  @ApiProperty({ description: 'Lý do (tiếng Việt)' }) reason: string;
}

export class ImportResultDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Số dòng dữ liệu đọc được' }) rows: number;
  @ApiProperty({ description: 'Số mục đã ghi (dryRun: sẽ ghi)' }) imported: number;
  @ApiProperty({ description: 'Số dòng đã có sẵn trong quá trình khen thưởng (nhập lại cùng tệp)' })
  alreadyRecorded: number;
  @ApiProperty({ type: [ImportRowErrorDto], description: 'Các dòng sai (khi có: không ghi gì)' })
  errors: ImportRowErrorDto[];
  @ApiProperty({ description: 'SHA-256 của tệp' }) fileSha256: string;
}

export class ImportFileDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'Tệp .xlsx theo mẫu' })
  file: unknown;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SUB_UNIT_KINDS } from '@tdkt/domain';
import { HistoryEntryDto } from './people.dto';

export class RegisterSubUnitDto {
  @ApiProperty({ example: 'Tổ Toán – Tin' })
  @IsString()
  @IsNotEmpty({ message: 'Cần tên bộ phận (phòng, tổ, khoa…)' })
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: SUB_UNIT_KINDS, description: 'PHONG (phòng), TO (tổ), KHOA (khoa), BAN (ban), KHAC (khác)' })
  @IsIn(SUB_UNIT_KINDS as unknown as string[], { message: `Loại bộ phận là một trong ${SUB_UNIT_KINDS.join(', ')}` })
  kind: string;
}

export class SubUnitDto {
  @ApiProperty({
    example: 'tt-donvi1-1',
    description: 'Mã ổn định; dùng làm mã tập thể khi đề nghị và ghi khen thưởng',
  })
  id: string;
  @ApiProperty({ enum: ['collective'] }) kind: 'collective';
  @ApiProperty({ example: 'donvi1', description: 'Đơn vị chủ quản' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ example: 'Tổ Toán – Tin' }) name: string;
  @ApiProperty({ enum: SUB_UNIT_KINDS }) subUnitKind: string;
  @ApiProperty({ example: 'Tổ' }) subUnitKindLabel: string;
  @ApiProperty() registeredAt: string;
}

export class SubUnitListDto {
  @ApiProperty({ type: [SubUnitDto] }) items: SubUnitDto[];
}

export class SubUnitDetailDto extends SubUnitDto {
  @ApiProperty({ type: [HistoryEntryDto], description: 'Quá trình khen thưởng của bộ phận (tập thể)' })
  awards: HistoryEntryDto[];
}

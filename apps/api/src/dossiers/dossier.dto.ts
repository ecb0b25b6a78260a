import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AddedDocumentDto {
  @ApiProperty() nominationId: string;
  @ApiProperty({ example: 'TO_TRINH' }) documentType: string;
  @ApiProperty({ description: 'SHA-256 của nội dung (hex): địa chỉ để tải tài liệu' }) hash: string;
  @ApiProperty({ description: 'Kích thước (byte)' }) size: number;
  @ApiProperty({ example: 'application/pdf', description: 'Xác định theo nội dung tệp, không theo tên' })
  mediaType: string;
  @ApiProperty({ description: 'false: cùng nội dung đã là tài liệu hiện hành của loại này (không thay đổi gì)' })
  added: boolean;
  @ApiPropertyOptional() position?: number;
}

export class DocumentTypeRefDto {
  @ApiProperty({ example: 'TO_TRINH' }) code: string;
  @ApiProperty({ example: 'Tờ trình đề nghị khen thưởng của đơn vị' }) name: string;
}

export class DossierDocumentDto {
  @ApiProperty() documentType: string;
  @ApiProperty() typeName: string;
  @ApiProperty() hash: string;
  @ApiProperty() size: number;
  @ApiProperty() mediaType: string;
  @ApiProperty() fileName: string;
  @ApiProperty() addedBy: string;
  @ApiProperty() addedAt: string;
  @ApiProperty({ description: 'false: đã được thay bằng tài liệu khác cùng loại (vẫn lưu, vẫn tải được)' })
  current: boolean;
  @ApiPropertyOptional({ description: 'Mã băm của tài liệu thay thế' }) replacedBy?: string;
}

export class DossierViewDto {
  @ApiProperty() nominationId: string;
  @ApiProperty() awardCode: string;
  @ApiProperty({ type: [DocumentTypeRefDto], description: 'Thành phần bắt buộc của hình thức khen thưởng' })
  required: DocumentTypeRefDto[];
  @ApiProperty({ type: [String], description: 'Thành phần bắt buộc còn thiếu' }) missing: string[];
  @ApiProperty({ type: [DossierDocumentDto] }) documents: DossierDocumentDto[];
}

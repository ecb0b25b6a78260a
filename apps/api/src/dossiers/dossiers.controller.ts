import { Controller, Get, Param, Post, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { domainError, type Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { NominationIdPipe } from '../nominations/nominations.controller';
import { AddedDocumentDto, DossierViewDto } from './dossier.dto';
import { DossierService } from './dossier.service';
import { readUpload } from './multipart';
import { RecordsPersonalDataRead } from '../audit/access-log';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('api/nominations')
export class DossiersController {
  constructor(private readonly dossiers: DossierService) {}

  @Post(':id/documents')
  @ApiOperation({
    summary: 'Bổ sung tài liệu vào hồ sơ (cán bộ TĐKT, thủ trưởng đơn vị; khi đang lập hoặc bị trả lại)',
    description:
      'multipart/form-data: `documentType` (mã loại tài liệu trong danh mục) và `file` (PDF, DOCX, JPEG hoặc PNG — ' +
      'kiểm tra theo nội dung tệp, không theo tên; tối đa TDKT_DOCUMENT_MAX_BYTES). Tài liệu cùng loại gửi sau thay ' +
      'tài liệu trước (tài liệu cũ vẫn được lưu); gửi lại đúng nội dung đó thì không thay đổi gì.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['documentType', 'file'],
      properties: { documentType: { type: 'string', example: 'TO_TRINH' }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: AddedDocumentDto })
  async add(
    @Param('id', NominationIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: IncomingMessage,
  ): Promise<AddedDocumentDto> {
    const upload = await readUpload(req, this.dossiers.maxBytes);
    return this.dossiers.add(id, actor, upload.fields.documentType ?? '', upload.file);
  }

  @RecordsPersonalDataRead()
  @Get(':id/documents')
  @ApiOperation({
    summary: 'Tài liệu của hồ sơ: thành phần bắt buộc, còn thiếu, mọi tài liệu đã nộp (cả tài liệu đã được thay)',
    description: 'Ai xem được hồ sơ thì xem được; người khác nhận 404. Mỗi lần xem được ghi vào nhật ký truy cập.',
  })
  @ApiOkResponse({ type: DossierViewDto })
  view(@Param('id', NominationIdPipe) id: string, @CurrentActor() actor: Actor): Promise<DossierViewDto> {
    return this.dossiers.view(id, actor);
  }

  @RecordsPersonalDataRead()
  @Get(':id/documents/:hash')
  @ApiOperation({
    summary: 'Tải một tài liệu của hồ sơ theo mã băm SHA-256',
    description:
      'Nội dung được băm lại trước khi gửi: nếu tệp trong kho đã bị thay đổi, trả 409 DOCUMENT_INTEGRITY và không gửi tệp. ' +
      'Ai xem được hồ sơ thì tải được; mỗi lần tải được ghi vào nhật ký truy cập.',
  })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'Nội dung tệp', schema: { type: 'string', format: 'binary' } })
  async download(
    @Param('id', NominationIdPipe) id: string,
    @Param('hash') hash: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw domainError('DOCUMENT_NOT_FOUND');
    const { doc, bytes } = await this.dossiers.download(id, hash, actor);
    return new StreamableFile(bytes, {
      type: doc.mediaType,
      length: bytes.length,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
    });
  }
}

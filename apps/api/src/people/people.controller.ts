import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { edgeError } from '../http/errors';
import { historyTemplate, XLSX_MIME } from './award-history-xlsx';
import {
  AwardRecordedDto,
  ImportFileDto,
  ImportQueryDto,
  ImportResultDto,
  ListPeopleQueryDto,
  LookupPersonDto,
  MovePersonDto,
  PeopleListDto,
  PeoplePageDto,
  PersonDetailDto,
  RecordAwardDto,
  RegisterPersonDto,
  RegisteredDto,
} from './people.dto';
import { PeopleService } from './people.service';
import { Inject } from '@nestjs/common';
import { API_RUNTIME } from '../tokens';
import type { ApiRuntime } from '../api-runtime';
import { RecordsPersonalDataRead } from '../audit/access-log';

/** An .xlsx of 10,000 rows is about 0.5 MB; the limit leaves room and refuses a flood. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

@ApiTags('people')
@ApiBearerAuth()
@Controller('api/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @ApiOperation({
    summary:
      'Đăng ký một người vào danh sách nhân sự (cán bộ, thủ trưởng đơn vị cho đơn vị mình; Ban TĐKT cho mọi đơn vị); trùng tên ở đơn vị khác là người khác',
  })
  @ApiCreatedResponse({ type: RegisteredDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Cùng người dùng, cùng khóa → cùng một người (gửi lại an toàn)',
  })
  register(
    @CurrentActor() actor: Actor,
    @Body() body: RegisterPersonDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    const key = idempotencyKey?.trim();
    if (key && key.length > 200)
      throw new BadRequestException({
        ...edgeError('VALIDATION'),
        errors: [{ field: 'Idempotency-Key', reasons: ['Idempotency-Key tối đa 200 ký tự'] }],
      });
    return this.people.register(actor, body, key || undefined);
  }

  @RecordsPersonalDataRead()
  @Get()
  @ApiOperation({ summary: 'Danh sách nhân sự trong phạm vi được xem (theo đơn vị đang công tác)' })
  @ApiOkResponse({ type: PeoplePageDto })
  list(@CurrentActor() actor: Actor, @Query() q: ListPeopleQueryDto) {
    return this.people.list(actor, q);
  }

  @RecordsPersonalDataRead()
  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tìm người theo số CCCD (so khớp mã băm có khóa; số không nằm trong URL)' })
  @ApiOkResponse({ type: PeopleListDto })
  lookup(@CurrentActor() actor: Actor, @Body() body: LookupPersonDto) {
    return this.people.lookup(actor, body.citizenId);
  }

  @RecordsPersonalDataRead()
  @Get(':id')
  @ApiOperation({ summary: 'Một người: thông tin, quá trình công tác và quá trình khen thưởng' })
  @ApiOkResponse({ type: PersonDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.people.get(actor, id);
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Chuyển công tác sang đơn vị khác (giữ nguyên mã và quá trình khen thưởng)' })
  @ApiOkResponse({ type: RegisteredDto })
  move(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: MovePersonDto) {
    return this.people.move(actor, id, body);
  }

  @Post(':id/awards')
  @ApiOperation({
    summary:
      'Ghi một khen thưởng vào quá trình khen thưởng (thủ trưởng đơn vị; Ban TĐKT): khen thưởng của đơn vị hoặc của nơi khác, với số, ngày quyết định và cơ quan quyết định. :id là mã người hoặc mã đơn vị (tập thể)',
  })
  @ApiCreatedResponse({ type: AwardRecordedDto })
  recordAward(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: RecordAwardDto) {
    return this.people.recordAward(actor, id, body);
  }
}

@ApiTags('people')
@ApiBearerAuth()
@Controller('api/imports/award-history')
export class AwardHistoryImportController {
  constructor(
    private readonly people: PeopleService,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
  ) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportFileDto })
  @ApiOperation({
    summary:
      'Nhập quá trình khen thưởng từ tệp .xlsx theo mẫu: tất cả hoặc không (một dòng sai thì không nhập dòng nào, báo mọi dòng sai); nhập lại cùng tệp không thêm gì; ?dryRun=true chỉ kiểm tra',
  })
  @ApiOkResponse({ type: ImportResultDto })
  import(@CurrentActor() actor: Actor, @Query() q: ImportQueryDto, @UploadedFile() file?: { buffer: Buffer }) {
    return this.people.importHistory(actor, file?.buffer, q.dryRun === true);
  }

  @Get('template.xlsx')
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: 'Tải mẫu bảng tính quá trình khen thưởng (.xlsx, tiêu đề tiếng Việt, danh mục mã)' })
  @ApiOkResponse({
    description: 'Tệp .xlsx',
    content: { [XLSX_MIME]: { schema: { type: 'string', format: 'binary' } } },
  })
  async template() {
    return new StreamableFile(await historyTemplate(this.runtime.catalog), {
      type: XLSX_MIME,
      disposition: 'attachment; filename="mau-qua-trinh-khen-thuong.xlsx"',
    });
  }
}

import { Controller, Get, Injectable, Param, Res, type PipeTransform } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { domainError } from '@tdkt/domain';
import { Public } from '../auth/public.decorator';
import { ErrorBody } from '../http/openapi';
import { VerificationDto } from './decisions.responses';
import { DecisionsService } from './decisions.service';
import { verificationPage } from './verify-page';

@Injectable()
export class VerificationCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(value))
      throw domainError('AWARD_DECISION_NOT_FOUND', 'Không tìm thấy khen thưởng với mã tra cứu này');
    return value;
  }
}

/** The public verification of an award by the code of its certificate's QR: no login, nothing personal. */
@ApiTags('decisions')
@Public()
@Controller()
export class VerifyController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get('api/verify/:code')
  @ApiOkResponse({ type: VerificationDto })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiOperation({ summary: 'Tra cứu công khai một khen thưởng theo mã trên bằng (JSON): còn hiệu lực hay đã hủy bỏ' })
  verify(@Param('code', VerificationCodePipe) code: string) {
    return this.decisions.verify(code);
  }

  @Get('verify/:code')
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'Trang tra cứu công khai (HTML, đọc được trên điện thoại)',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  async page(
    @Param('code', VerificationCodePipe) code: string,
    @Res({ passthrough: true }) res: { type(t: string): unknown; setHeader(k: string, v: string): unknown },
  ) {
    const html = verificationPage(await this.decisions.verify(code));
    // Set on success only: a refusal stays a JSON ErrorBody.
    res.type('text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    return html;
  }
}

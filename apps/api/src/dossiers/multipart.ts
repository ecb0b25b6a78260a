/**
 * Reads one `multipart/form-data` upload (fields + one file) into memory, stopping at the size
 * limit: a larger file is refused as DOCUMENT_TOO_LARGE (400) without reading the rest into memory.
 */
import { BadRequestException } from '@nestjs/common';
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { invalid } from '@tdkt/domain';
import { edgeError } from '../http/errors';

export interface Upload {
  fields: Record<string, string>;
  file?: { fileName: string; bytes: Buffer };
}

const notMultipart = (reason: string) =>
  new BadRequestException({ ...edgeError('VALIDATION'), errors: [{ field: 'file', reasons: [reason] }] });

export function readUpload(req: IncomingMessage, maxBytes: number): Promise<Upload> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? ''))
    return Promise.reject(notMultipart('Cần gửi dạng multipart/form-data với trường file'));
  return new Promise((resolve, reject) => {
    let bb: ReturnType<typeof busboy>;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000 },
      });
    } catch {
      reject(notMultipart('Nội dung multipart không hợp lệ'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: Upload['file'];
    let refused: Error | undefined;
    let pending = 0;
    let closed = false;
    const finish = () => {
      if (!closed || pending > 0) return;
      if (refused) reject(refused);
      else resolve({ fields, ...(file ? { file } : {}) });
    };
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      pending++;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        refused = invalid(
          'DOCUMENT_TOO_LARGE',
          `Tệp vượt quá giới hạn ${(maxBytes / 1024 / 1024).toFixed(1)} MB`,
          'file',
        );
      });
      stream.on('end', () => {
        if (!refused) file = { fileName: info.filename ?? '', bytes: Buffer.concat(chunks) };
        pending--;
        finish();
      });
    });
    bb.on('error', () => reject(notMultipart('Nội dung multipart không hợp lệ')));
    bb.on('close', () => {
      closed = true;
      finish();
    });
    req.pipe(bb);
  });
}

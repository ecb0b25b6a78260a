import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** Deeper than any form of ours nests (nominee → documents → item is 3); far below what overflows the validator. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Runs before validation on every body, query and path parameter: a value nested deeper than
 * MAX_INPUT_DEPTH (JSON 3,000 levels deep overflowed class-transformer's recursion: a 500) or a
 * string holding a NUL character (PostgreSQL text refuses it: a 500 in search) is a 400 naming
 * the field. Walks iteratively, so the check itself cannot overflow.
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  transform(value: unknown): unknown {
    const problem = findUnsafeInput(value);
    if (problem)
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION',
        message: 'Dữ liệu gửi lên không hợp lệ',
        errors: [{ field: problem.field || '(nội dung)', reasons: [problem.reason] }],
      });
    return value;
  }
}

export function findUnsafeInput(value: unknown): { field: string; reason: string } | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: path, reason: 'Chứa ký tự NUL (mã 0) không được phép' };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { field: path, reason: `Lồng nhau quá ${MAX_INPUT_DEPTH} cấp` };
    for (const [key, child] of Object.entries(v)) {
      if (key.includes('\u0000')) return { field: path, reason: 'Tên trường chứa ký tự NUL (mã 0) không được phép' };
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

import { sniffMediaType } from './media-type';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** A minimal stored (uncompressed) zip with the given empty entries, central directory included. */
function zip(names: string[]): Uint8Array {
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
  const local: number[] = [];
  const central: number[] = [];
  for (const name of names) {
    const offset = local.length;
    const n = [...name].map((c) => c.charCodeAt(0));
    local.push(0x50, 0x4b, 3, 4, ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(0), ...u32(0));
    local.push(...u16(n.length), ...u16(0), ...n);
    central.push(0x50, 0x4b, 1, 2, ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    central.push(...u32(0), ...u32(0), ...u16(n.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0));
    central.push(...u32(offset), ...n);
  }
  const end = [0x50, 0x4b, 5, 6, ...u16(0), ...u16(0), ...u16(names.length), ...u16(names.length)];
  end.push(...u32(central.length), ...u32(local.length), ...u16(0));
  return Uint8Array.from([...local, ...central, ...end]);
}

describe('A document is what its bytes are, not what its name says', () => {
  it('recognises PDF, PNG, JPEG and DOCX', () => {
    expect(sniffMediaType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toBe('image/jpeg');
    expect(sniffMediaType(zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('refuses an executable, a spreadsheet zip, a plain zip, text and nothing', () => {
    expect(sniffMediaType(bytes('MZ', [0x90, 0, 3, 0], 'This program cannot be run in DOS mode'))).toBeNull();
    expect(sniffMediaType(bytes([0x7f], 'ELF', [2, 1, 1]))).toBeNull();
    expect(sniffMediaType(zip(['[Content_Types].xml', 'xl/workbook.xml']))).toBeNull();
    expect(sniffMediaType(zip(['word/document.xml']))).toBeNull();
    expect(sniffMediaType(bytes('hello %PDF-'))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });
});

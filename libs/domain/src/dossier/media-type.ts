/**
 * What a file IS, from its first bytes (magic numbers), never from its name: PDF, DOCX (a zip
 * holding `[Content_Types].xml` and `word/…`), JPEG, PNG. Anything else — an executable renamed
 * `.pdf`, a legacy .doc, an .xlsx — is none of them. Pure.
 */
export type DocumentMediaType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'image/jpeg'
  | 'image/png';

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];

/**
 * Entry names of a zip, from its central directory (found through the end record, searched in the
 * last 64 KiB + 22 bytes, the most a zip comment allows). Empty when the zip is not well formed.
 */
function zipEntryNames(bytes: Uint8Array, limit = 5000): string[] {
  const u16 = (o: number) => bytes[o]! | (bytes[o + 1]! << 8);
  const u32 = (o: number) => (u16(o) | (u16(o + 2) << 16)) >>> 0;
  let end = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--)
    if (startsWith(bytes, ZIP_END, o)) {
      end = o;
      break;
    }
  if (end < 0) return [];
  const entries = u16(end + 10);
  let offset = u32(end + 16);
  const names: string[] = [];
  for (let i = 0; i < Math.min(entries, limit); i++) {
    if (!startsWith(bytes, ZIP_CENTRAL, offset) || offset + 46 > bytes.length) return [];
    const nameLength = u16(offset + 28);
    const next = offset + 46 + nameLength + u16(offset + 30) + u16(offset + 32);
    if (offset + 46 + nameLength > bytes.length) return [];
    names.push(String.fromCharCode(...bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset = next;
  }
  return names;
}

export function sniffMediaType(bytes: Uint8Array): DocumentMediaType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ZIP_LOCAL)) {
    const names = zipEntryNames(bytes);
    if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/')))
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}

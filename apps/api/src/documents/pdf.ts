/**
 * The one pdfmake instance every document of the API renders with (decision, certificate, council
 * minutes, annual report): pdfmake 0.3 with its embedded Roboto (every Vietnamese diacritic), no
 * remote and no local resource but the fonts. Deterministic: metadata dates come from the caller
 * (a document's events), never from the clock, so the same input renders the same bytes.
 */
import { dirname, join } from 'node:path';

// pdfmake 0.3 ships CommonJS without types: its server build exports one configured instance.
const pdfmake = require('pdfmake') as PdfMake;
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

export const renderPdf = (doc: unknown): Promise<Buffer> => pdfmake.createPdf(doc).getBuffer();

/** Fixed metadata: the same input gives the same bytes (a decision's hash is recomputable from its events). */
export function documentInfo(title: string, subject: string, author: string, at: string | Date) {
  const stamp = new Date(at);
  return { title, author, subject, creator: 'TĐKT', producer: 'TĐKT', creationDate: stamp, modDate: stamp };
}

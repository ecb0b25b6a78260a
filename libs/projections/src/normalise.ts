/**
 * Search normalisation for Vietnamese text: decompose (NFD), drop the combining marks (tones and
 * vowel hats), map đ/Đ to d, lower-case, collapse whitespace. "Nguyễn Văn Án" → "nguyen van an",
 * "Đồng Khởi" → "dong khoi", "163/QĐ-UBND" → "163/qd-ubnd". Used both when storing `search_text`
 * and on the query, so the two always agree.
 */
export function normaliseForSearch(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ\u00d0\u00f0]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search query, normalised; empty when the query has none. */
export function searchTerms(query: string | null | undefined): string[] {
  const n = normaliseForSearch(query);
  return n ? n.split(' ') : [];
}

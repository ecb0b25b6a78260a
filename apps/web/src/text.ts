/** Vietnamese text without diacritics, lower case: "Nguyễn Văn Ân" → "nguyen van an" (đ → d). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

/** Whether every word of the query is in the text, both without diacritics. */
export const matches = (text: string, query: string): boolean => {
  const hay = fold(text);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
};

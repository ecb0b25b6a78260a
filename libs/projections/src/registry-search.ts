/**
 * Registry text search, served by an index on both read-model databases.
 *
 * The behaviour is defined by `wordPrefixPattern`: a term (normalised by `searchTerms`) must begin
 * a word of the award's normalised search text, where words are separated by " ", "/" and "-"
 * ("an" finds "An", not "Lan"; "ubnd" and "163/qd-ubnd" both find "163/QĐ-UBND").
 *
 * The index (SQLite FTS5, PostgreSQL tsvector + GIN) narrows the rows to a SUPERSET of the matches
 * without reading the table; the pattern then checks only those candidates, so results are exactly
 * the pattern's (on SQLite, only the candidates where the index can differ from it: `isPlainSearchText`). A term the index cannot express (no letter or digit, e.g. "-") adds no index
 * condition; a query made only of such terms falls back to the pattern alone.
 */

/** The `LIKE` operand (with `ESCAPE '\'`) for `(' ' || words separated by spaces)`: the exact behaviour. */
export function wordPrefixPattern(term: string): string {
  return `% ${term.replace(/[/-]/g, ' ').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL for the text the pattern runs against (search_text with "/" and "-" as word separators). */
export const WORD_TEXT_SQL = `(' ' || replace(replace(search_text, '/', ' '), '-', ' '))`;

/**
 * Search text whose words are exactly its FTS5 tokens: ASCII letters and digits, separated by " ",
 * "/" and "-" (what normalised Vietnamese names, award names, units and decision numbers are). On
 * such a row a term made of letters and digits only (`isPlainTerm`) matches the index's prefix
 * phrase exactly when it begins a word, so the pattern need not be checked there (stored per row
 * as `search_plain`; the SQLite search skips the pattern on those rows).
 */
export function isPlainSearchText(text: string): boolean {
  return /^[a-z0-9 /-]*$/.test(text);
}

/** A query term that is one FTS5 token on its own (ASCII letters and digits): see `isPlainSearchText`. */
export function isPlainTerm(term: string): boolean {
  return /^[a-z0-9]+$/.test(term);
}

/** FTS5 unicode61 token characters (letters, digits, private use); a term without one has no tokens. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

/**
 * FTS5 MATCH expression: each term as a quoted phrase with a prefix star (`"nguyen"* "van"* "an"*`).
 * Inside a quoted FTS5 string every character is literal except `"`, doubled here, so `*`, `-`,
 * `:`, `(`, `NOT`, `OR`... in a query cannot change the expression. The unicode61 tokenizer splits
 * the phrase as it split the stored text, so the phrase matches every row where the term begins a
 * word (and possibly a few more, which the pattern then drops). Undefined when no term has a token.
 */
export function fts5MatchExpression(terms: readonly string[]): string | undefined {
  const phrases = terms.filter((t) => TOKEN_CHAR.test(t)).map((t) => `"${t.replace(/"/g, '""')}"*`);
  return phrases.length ? phrases.join(' ') : undefined;
}

/**
 * Words longer than this are cut in the PostgreSQL index (a tsvector lexeme may not exceed 2047
 * bytes, and one too long would fail the projection); a query word longer than this becomes a
 * prefix of its first LEXEME_MAX characters, which still finds every row that has the word.
 */
export const LEXEME_MAX = 200;

/**
 * The tsvector of a row: its words (split on " ", "/" and "-", as the pattern does), each cut to
 * LEXEME_MAX characters, taken verbatim as lexemes (no parser, no dictionary). Immutable, so it can
 * be a stored generated column.
 */
export const WORDS_TSVECTOR_SQL =
  `array_to_tsvector(array_remove(regexp_split_to_array(` +
  `regexp_replace(search_text, '([^ /-]{${LEXEME_MAX}})[^ /-]+', '\\1', 'g'), '[ /-]+'), ''))`;

/**
 * PostgreSQL tsquery text (cast with `::tsquery`, which takes lexemes as written): for each term,
 * its words ANDed, every word but the last exact (a separator follows it in the term) and the last
 * a prefix (`'163' & 'qd' & 'ubnd':*`). Lexemes are single-quoted with `'` doubled and `\` escaped,
 * so `&`, `|`, `!`, `:`, `(`, `<->` in a query are plain characters. Undefined when no term has a word.
 */
export function tsqueryText(terms: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const term of terms) {
    const words = term.split(/[/-]/);
    words.forEach((word, i) => {
      if (!word) return;
      const cut = [...word];
      const exact = i < words.length - 1 && cut.length <= LEXEME_MAX;
      const lexeme = cut.slice(0, LEXEME_MAX).join('');
      parts.push(`'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${exact ? '' : ':*'}`);
    });
  }
  return parts.length ? [...new Set(parts)].join(' & ') : undefined;
}

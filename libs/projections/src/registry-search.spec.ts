import { normaliseForSearch, searchTerms } from './normalise';
import {
  fts5MatchExpression,
  isPlainSearchText,
  isPlainTerm,
  LEXEME_MAX,
  tsqueryText,
  wordPrefixPattern,
} from './registry-search';

describe('wordPrefixPattern (the exact behaviour)', () => {
  it('anchors the term at a word start, "/" and "-" being word separators', () => {
    expect(wordPrefixPattern('nguyen')).toBe('% nguyen%');
    expect(wordPrefixPattern('163/qd-ubnd')).toBe('% 163 qd ubnd%');
  });

  it('keeps LIKE wildcards and the escape character literal', () => {
    expect(wordPrefixPattern('100%')).toBe('% 100\\%%');
    expect(wordPrefixPattern('a_b\\c')).toBe('% a\\_b\\\\c%');
  });
});

describe('plain text and terms (where the FTS5 match is already exact)', () => {
  it('calls text plain only when its words are ASCII letters and digits between " ", "/" and "-"', () => {
    expect(
      isPlainSearchText(normaliseForSearch('Nguyễn Văn An Bằng khen của Chủ tịch UBND tỉnh donvi1 163/QĐ-UBND')),
    ).toBe(true);
    expect(isPlainSearchText('')).toBe(true);
    // A word that holds another token than its first: "neil" is a token of "o'neil", not a word start.
    for (const odd of [
      "o'neil tran",
      'le (an) vu',
      'pham*star lan',
      'van: hung',
      '100% quyet',
      'a_b',
      'ωmega',
      'tab	here',
    ])
      expect({ odd, plain: isPlainSearchText(odd) }).toEqual({ odd, plain: false });
  });

  it('calls a term plain only when it is one token of ASCII letters and digits', () => {
    expect(['nguyen', 'an', '163', 'donvi1'].every(isPlainTerm)).toBe(true);
    expect(['163/qd', 'qd-ubnd', "o'neil", '"an"', 'an*', '', 'ωmega'].some(isPlainTerm)).toBe(false);
  });
});

describe('fts5MatchExpression', () => {
  it('makes each term a quoted prefix phrase, all required', () => {
    expect(fts5MatchExpression(searchTerms('Nguyễn Văn An'))).toBe('"nguyen"* "van"* "an"*');
    expect(fts5MatchExpression(['163/qd-ubnd'])).toBe('"163/qd-ubnd"*');
  });

  it('doubles double quotes so FTS syntax in a query stays inside its string', () => {
    expect(fts5MatchExpression(['a"b', 'x*', 'NOT', '(c)', 'd:e', '-f'])).toBe(
      '"a""b"* "x*"* "NOT"* "(c)"* "d:e"* "-f"*',
    );
    expect(fts5MatchExpression(['"', 'an'])).toBe('"an"*');
  });

  it('leaves out terms without a letter or digit, and gives nothing when none is left', () => {
    expect(fts5MatchExpression(['-', '!!!', '*'])).toBeUndefined();
    expect(fts5MatchExpression([])).toBeUndefined();
  });
});

describe('tsqueryText', () => {
  it('ANDs the words, the last word of each term as a prefix', () => {
    expect(tsqueryText(searchTerms('nguyen van an'))).toBe("'nguyen':* & 'van':* & 'an':*");
    expect(tsqueryText(['163/qd-ubnd'])).toBe("'163' & 'qd' & 'ubnd':*");
    expect(tsqueryText(['an-'])).toBe("'an'");
  });

  it('quotes lexemes so tsquery operators in a query are plain characters', () => {
    expect(tsqueryText(["o'neil", 'a\\b', '!x', 'y&z|w', '(q):*'])).toBe(
      "'o''neil':* & 'a\\\\b':* & '!x':* & 'y&z|w':* & '(q):*':*",
    );
  });

  it('gives nothing for separators alone', () => {
    expect(tsqueryText(['-', '/', '-/-'])).toBeUndefined();
  });

  it('cuts a very long word to the indexed length and searches it as a prefix', () => {
    const long = 'x'.repeat(LEXEME_MAX + 50);
    expect(tsqueryText([`${long}-y`])).toBe(`'${'x'.repeat(LEXEME_MAX)}':* & 'y':*`);
  });
});

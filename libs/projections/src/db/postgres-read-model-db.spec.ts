import { toPgPlaceholders } from './postgres-read-model-db';

describe('toPgPlaceholders', () => {
  it('numbers the ? placeholders in order', () => {
    expect(toPgPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe(
      'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)',
    );
  });

  it('leaves ? inside string literals, quoted identifiers and comments alone', () => {
    expect(toPgPlaceholders(`SELECT '?', "col?" FROM t -- why?\nWHERE a = ?`)).toBe(
      `SELECT '?', "col?" FROM t -- why?\nWHERE a = $1`,
    );
    expect(toPgPlaceholders(`UPDATE t SET note = 'it''s ?' WHERE id = ?`)).toBe(
      `UPDATE t SET note = 'it''s ?' WHERE id = $1`,
    );
  });
});

import { parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and days, and plain seconds', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('8h')).toBe(8 * 3_600_000);
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration('900')).toBe(900_000);
  });

  it('refuses what is not a positive whole amount of a known unit', () => {
    for (const bad of ['', '0', '-5m', '1.5h', '15 minutes', '1w', 'm'])
      expect(() => parseDuration(bad, 'TDKT_ACCESS_TOKEN_TTL')).toThrow(/TDKT_ACCESS_TOKEN_TTL must be/);
  });
});

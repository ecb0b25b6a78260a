import { deterministicEventId } from './event-id';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deterministicEventId', () => {
  it('is a valid version-5 RFC 4122 UUID', () => {
    expect(deterministicEventId('nomination-1', 'submit', '0')).toMatch(UUID_V5);
  });

  it('gives the same id for the same parts, so a retried command deduplicates', () => {
    expect(deterministicEventId('nomination-1', 'cmd-7')).toBe(deterministicEventId('nomination-1', 'cmd-7'));
  });

  it('gives different ids for different parts', () => {
    expect(deterministicEventId('nomination-1', 'cmd-7')).not.toBe(deterministicEventId('nomination-1', 'cmd-8'));
  });

  it('does not confuse parts that concatenate to the same text', () => {
    expect(deterministicEventId('ab', 'c')).not.toBe(deterministicEventId('a', 'bc'));
    expect(deterministicEventId('abc')).not.toBe(deterministicEventId('ab', 'c'));
  });

  it('handles Vietnamese text by its UTF-8 bytes', () => {
    expect(deterministicEventId('Chiến sĩ thi đua', 'x')).toMatch(UUID_V5);
    expect(deterministicEventId('Chiến sĩ thi đua')).not.toBe(deterministicEventId('Chien si thi dua'));
  });

  it('refuses to derive an id from nothing', () => {
    expect(() => deterministicEventId()).toThrow();
  });
});

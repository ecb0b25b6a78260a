import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CitizenIdVault } from './citizen-id-vault';

describe('Citizen ID vault: a keyed hash to look up, AES-GCM to show, never the number in clear', () => {
  const vault = CitizenIdVault.fromSecret(randomBytes(32));

  it('seals a number so that only the key opens it, and the same number always hashes alike', () => {
    const sealed = vault.seal('083 090 001 234');
    expect(sealed.sealed).not.toContain('083090001234');
    expect(vault.open(sealed)).toBe('083090001234');
    expect(sealed.hash).toBe(vault.hash('083090001234'));
    expect(vault.seal('083090001234').sealed).not.toBe(sealed.sealed); // a fresh IV each time
  });

  it('another key neither finds nor opens it', () => {
    const other = CitizenIdVault.fromSecret(randomBytes(32));
    const sealed = vault.seal('083090001234');
    expect(other.hash('083090001234')).not.toBe(sealed.hash);
    expect(() => other.open(sealed)).toThrow();
  });

  it('refuses anything but 12 digits', () => {
    expect(() => vault.seal('12345')).toThrow(expect.objectContaining({ code: 'CITIZEN_ID' }));
  });

  it('is generated into the data dir once when embedded, and absent (not created) in production', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-'));
    const file = join(dir, 'personal-data-key');
    expect(CitizenIdVault.load(file, { create: false })).toBeUndefined();
    const a = CitizenIdVault.load(file, { create: true })!;
    const first = readFileSync(file, 'utf8');
    const b = CitizenIdVault.load(file, { create: true })!;
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(b.open(a.seal('083090001234'))).toBe('083090001234');
  });
});

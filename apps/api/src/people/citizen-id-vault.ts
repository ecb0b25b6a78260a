import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { domainError, type SealedCitizenId } from '@tdkt/domain';

/** A citizen ID number (CCCD): 12 digits. */
export const CITIZEN_ID_PATTERN = /^\d{12}$/;

/**
 * Keeps citizen ID numbers (CCCD) out of the clear: a keyed hash (HMAC-SHA-256) to look a person up
 * and to keep the number unique, and AES-256-GCM to show it whole to whoever may read it. Both keys
 * derive (HKDF) from one secret in a file: generated into the data directory when embedded (as the
 * audit key), provisioned in production. Without the file in production the register works, but
 * refuses citizen IDs.
 */
export class CitizenIdVault {
  private constructor(
    private readonly hmacKey: Buffer,
    private readonly aesKey: Buffer,
  ) {}

  static fromSecret(secret: Buffer): CitizenIdVault {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
    return new CitizenIdVault(derive('tdkt citizen-id lookup'), derive('tdkt citizen-id encryption'));
  }

  /** Loads the secret (hex) from the file; creates it when allowed and missing; undefined when neither. */
  static load(file: string, options: { create: boolean }): CitizenIdVault | undefined {
    if (!existsSync(file)) {
      if (!options.create) return undefined;
      mkdirSync(dirname(file), { recursive: true });
      try {
        writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (secret.length < 32) throw new Error(`The personal-data key ${file} must hold at least 32 bytes in hex`);
    return CitizenIdVault.fromSecret(secret);
  }

  /** The number as written by a person: spaces and dots removed; refused unless 12 digits. */
  static normalise(citizenId: string, field = 'citizenId'): string {
    const n = String(citizenId ?? '').replace(/[\s.]/g, '');
    if (!CITIZEN_ID_PATTERN.test(n)) throw domainError('CITIZEN_ID', undefined, field);
    return n;
  }

  hash(citizenId: string): string {
    return createHmac('sha256', this.hmacKey).update(CitizenIdVault.normalise(citizenId)).digest('hex');
  }

  seal(citizenId: string): SealedCitizenId {
    const n = CitizenIdVault.normalise(citizenId);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.aesKey, iv);
    const data = Buffer.concat([cipher.update(n, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
    return { hash: this.hash(n), sealed: parts.join('.') };
  }

  open(sealed: SealedCitizenId): string {
    const [iv, tag, data] = sealed.sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.aesKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}

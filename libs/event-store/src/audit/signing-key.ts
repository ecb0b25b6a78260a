import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CheckpointSigner } from './checkpoint-signer';

/**
 * The checkpoint signer from its key file (PKCS#8 PEM). With `create` (embedded mode) a missing key
 * is generated once into that file (mode 0600); otherwise (production) it must have been provisioned.
 */
export function loadCheckpointSigner(file: string, options: { create: boolean }): CheckpointSigner {
  if (!existsSync(file)) {
    if (!options.create)
      throw new Error(
        `The audit signing key ${file} does not exist: set TDKT_AUDIT_SIGNING_KEY_FILE to an Ed25519 key`,
      );
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    // 'wx': two processes starting together never overwrite each other's key.
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return new CheckpointSigner(createPrivateKey(readFileSync(file)));
}

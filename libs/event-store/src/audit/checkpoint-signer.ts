import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { SignedCheckpoint } from './audit-log.port';
import type { Hash } from './merkle/hashing';

/** What a checkpoint's signature covers: a versioned text of tree size, root and time (one per line). */
export function checkpointBody(c: Pick<SignedCheckpoint, 'treeSize' | 'rootHash' | 'issuedAt'>): Buffer {
  return Buffer.from(`tdkt-audit-checkpoint/v1\n${c.treeSize}\n${c.rootHash}\n${c.issuedAt}\n`, 'utf8');
}

/** First 16 hex digits of SHA-256 over the key's SPKI DER. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** The issuing authority's Ed25519 key: signs checkpoints; its public half is published. */
export class CheckpointSigner {
  readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The audit signing key must be an Ed25519 key');
    this.publicKey = createPublicKey(privateKey);
    this.keyId = keyIdOf(this.publicKey);
  }

  static generate(): CheckpointSigner {
    return new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  sign(treeSize: number, root: Hash, issuedAt = new Date().toISOString()): SignedCheckpoint {
    const body = { treeSize, rootHash: root.toString('hex'), issuedAt };
    return {
      ...body,
      keyId: this.keyId,
      signature: sign(null, checkpointBody(body), this.privateKey).toString('base64'),
    };
  }
}

/** Is the checkpoint signed by this public key (and named for it)? */
export function verifyCheckpointSignature(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return (
      checkpoint.keyId === keyIdOf(publicKey) &&
      verify(null, checkpointBody(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'))
    );
  } catch {
    return false;
  }
}

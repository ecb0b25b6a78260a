/**
 * Dossier documents: upload (content checked, bytes stored by SHA-256, the addition decided by the
 * domain and appended to the nomination's dossier stream), list, and download (re-hashed: altered
 * bytes are refused). Reads follow the read policy of the nomination (out of scope: 404).
 */
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  type Actor,
  type DossierDocument,
  type DossierEvent,
  type DossierState,
  type ExistingNomination,
  type NominationEvent,
  type NominationState,
  DEFAULT_DOSSIER_POLICY,
  currentDocuments,
  documentTypeName,
  domainError,
  dossierDecider,
  dossierStreamName,
  mayReadNomination,
  missingDocuments,
  nominationDecider,
  nominationNotFound,
  nominationStreamName,
  requiredDocuments,
  sniffMediaType,
} from '@tdkt/domain';
import { ConcurrencyError, deterministicEventId, foldRecorded, type RecordedEvent } from '@tdkt/event-store';
import type { ApiRuntime } from '../api-runtime';
import { API_RUNTIME } from '../tokens';
import { type DocumentStore, openDocumentStore, readVerified, sha256Hex } from './document-store';

export interface DossierView {
  nominationId: string;
  awardCode: string;
  /** Required document types of the award form (catalog), with their names. */
  required: { code: string; name: string }[];
  /** Required types the dossier lacks now. */
  missing: string[];
  /** Every document ever added, current and replaced, oldest first. */
  documents: (DossierDocument & { typeName: string; current: boolean })[];
}

export interface AddedDocument {
  nominationId: string;
  documentType: string;
  hash: string;
  size: number;
  mediaType: string;
  /** False when the same bytes were already the current document of this type (nothing changed). */
  added: boolean;
  position?: number;
}

@Injectable()
export class DossierService implements OnModuleDestroy {
  readonly store: DocumentStore;
  readonly maxBytes: number;

  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {
    this.store = openDocumentStore(runtime.config);
    this.maxBytes = runtime.config.documentMaxBytes ?? 10 * 1024 * 1024;
  }

  get policy() {
    return this.runtime.catalog.dossier ?? DEFAULT_DOSSIER_POLICY;
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }

  /** The nomination as its own stream says (authoritative, never a lagging read model). */
  private async nomination(id: string): Promise<ExistingNomination> {
    const events = await this.runtime.store.readStream(nominationStreamName(id));
    const state = foldRecorded<NominationEvent, NominationState>(nominationDecider, events);
    if (state.status === 'NONE') throw nominationNotFound();
    return state;
  }

  private async readable(id: string, actor: Actor): Promise<ExistingNomination> {
    const n = await this.nomination(id);
    if (!mayReadNomination(actor, n)) throw nominationNotFound(); // out of scope: as if it did not exist
    return n;
  }

  private async dossier(id: string): Promise<{ state: DossierState; revision: number }> {
    const events: RecordedEvent[] = await this.runtime.store.readStream(dossierStreamName(id));
    return {
      state: foldRecorded<DossierEvent, DossierState>(dossierDecider, events),
      revision: events.length ? events[events.length - 1]!.revision : -1,
    };
  }

  async add(
    id: string,
    actor: Actor,
    documentType: string,
    file: { fileName: string; bytes: Buffer } | undefined,
  ): Promise<AddedDocument> {
    const nomination = await this.readable(id, actor);
    if (!file || file.bytes.length === 0) throw domainError('DOCUMENT_EMPTY', undefined, 'file');
    const hash = sha256Hex(file.bytes);
    const mediaType = sniffMediaType(file.bytes);
    const now = new Date().toISOString();
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.dossier(id);
      const events = dossierDecider.decide(
        {
          type: 'AddDossierDocument',
          nominationId: id,
          actor,
          now,
          documentType,
          hash,
          size: file.bytes.length,
          mediaType,
          fileName: file.fileName,
          nomination,
          policy: this.policy,
          maxBytes: this.maxBytes,
        },
        state,
      );
      const base = { nominationId: id, documentType, hash, size: file.bytes.length, mediaType: mediaType ?? '' };
      if (events.length === 0) return { ...base, added: false };
      // The bytes first: an event never names content the store lacks.
      await this.store.put(file.bytes);
      try {
        const r = await this.runtime.store.append(
          dossierStreamName(id),
          events.map((e, i) => ({
            // Deterministic per (stream revision, content, type): a retried request re-appends the same id.
            id: deterministicEventId('dossier', id, String(revision), documentType, hash, String(i)),
            type: e.type,
            data: e.data,
            metadata: {
              actorId: e.data.by.userId,
              actorRole: e.data.by.role,
              ...(e.data.by.unitId ? { actorUnitId: e.data.by.unitId } : {}),
              occurredAt: now,
              correlationId: id,
              schemaVersion: 1,
            },
          })),
          revision < 0 ? 'no_stream' : revision,
        );
        return { ...base, added: true, position: r.position };
      } catch (err) {
        if (err instanceof ConcurrencyError && attempt < 3) continue;
        throw err;
      }
    }
  }

  async view(id: string, actor: Actor): Promise<DossierView> {
    const n = await this.readable(id, actor);
    const { state } = await this.dossier(id);
    const current = new Set(currentDocuments(state).map((d) => d.hash + d.documentType));
    return {
      nominationId: id,
      awardCode: n.award.code,
      required: requiredDocuments(this.policy, n.award.code).map((code) => ({
        code,
        name: documentTypeName(this.policy, code),
      })),
      missing: missingDocuments(state, this.policy, n.award.code),
      documents: state.documents.map((d) => ({
        ...d,
        typeName: documentTypeName(this.policy, d.documentType),
        current: current.has(d.hash + d.documentType),
      })),
    };
  }

  /** The document's bytes, checked against its hash; 404 when the dossier has no such document. */
  async download(id: string, hash: string, actor: Actor): Promise<{ doc: DossierDocument; bytes: Buffer }> {
    await this.readable(id, actor);
    const { state } = await this.dossier(id);
    const doc = [...state.documents].reverse().find((d) => d.hash === hash);
    if (!doc) throw domainError('DOCUMENT_NOT_FOUND');
    const bytes = await readVerified(this.store, hash);
    if (!bytes) throw domainError('DOCUMENT_INTEGRITY', 'Tệp tài liệu không còn trong kho lưu trữ');
    return { doc, bytes };
  }
}

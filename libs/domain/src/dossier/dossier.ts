/**
 * A nomination's dossier: its typed documents, stored by content (SHA-256) elsewhere; this stream
 * (`dossier-<nominationId>`) records which document of which type, how big, who added it and what
 * it replaced. Its own stream, so adding a document never races the nomination's workflow; the
 * nomination's state (unit, stage, nominee) comes with the command as context. Pure.
 */
import { type Actor, type ActingAs, actingAs, hasRole } from '../shared/actor';
import { domainError, forbidden, invalid } from '../shared/errors';
import { isNominee } from '../nomination/nomination.guard';
import type { ExistingNomination } from '../nomination/nomination.state';
import { type DossierPolicy, documentTypeName, requiredDocuments } from './dossier-policy';
import type { DocumentMediaType } from './media-type';

export const dossierStreamName = (nominationId: string) => `dossier-${nominationId}`;

export type DossierDocumentAdded = {
  type: 'DossierDocumentAdded';
  data: {
    nominationId: string;
    documentType: string;
    /** SHA-256 of the bytes, hex: the document's address in the document store. */
    hash: string;
    size: number;
    mediaType: DocumentMediaType;
    /** The name the uploader gave (shown only; the content decided the type). */
    fileName: string;
    /** The document of the same type this one replaces (kept, listed as replaced). */
    replaces?: string;
    by: ActingAs;
    at: string;
  };
};
export type DossierEvent = DossierDocumentAdded;

export interface DossierDocument {
  documentType: string;
  hash: string;
  size: number;
  mediaType: DocumentMediaType;
  fileName: string;
  addedBy: string;
  addedAt: string;
  /** The hash of the document that replaced this one; absent while it is current. */
  replacedBy?: string;
}

export interface DossierState {
  documents: DossierDocument[];
}

export interface AddDossierDocument {
  type: 'AddDossierDocument';
  nominationId: string;
  actor: Actor;
  now: string;
  documentType: string;
  hash: string;
  size: number;
  /** What the bytes are (sniffed by content); null: none of the allowed types. */
  mediaType: DocumentMediaType | null;
  fileName: string;
  /** Context: the nomination as it stands, the catalog's dossier policy, the configured size limit. */
  nomination: ExistingNomination;
  policy: DossierPolicy;
  maxBytes: number;
}

export const initialDossierState = (): DossierState => ({ documents: [] });

export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  if (event.type !== 'DossierDocumentAdded') return state;
  const d = event.data;
  const documents = state.documents.map((doc) =>
    d.replaces && doc.hash === d.replaces && doc.documentType === d.documentType && !doc.replacedBy
      ? { ...doc, replacedBy: d.hash }
      : doc,
  );
  documents.push({
    documentType: d.documentType,
    hash: d.hash,
    size: d.size,
    mediaType: d.mediaType,
    fileName: d.fileName,
    addedBy: d.by.userId,
    addedAt: d.at,
  });
  return { documents };
}

/** The current document of each type (not replaced). */
export const currentDocuments = (state: DossierState): DossierDocument[] =>
  state.documents.filter((d) => !d.replacedBy);

/** The required document types of the nomination's award form that the dossier lacks. */
export function missingDocuments(state: DossierState, policy: DossierPolicy, awardCode: string): string[] {
  const present = new Set(currentDocuments(state).map((d) => d.documentType));
  return requiredDocuments(policy, awardCode).filter((t) => !present.has(t));
}

const MB = 1024 * 1024;

export function decideDossier(command: AddDossierDocument, state: DossierState): DossierEvent[] {
  const s = command.nomination;
  const a = command.actor;
  const role = hasRole(a, 'UNIT_OFFICER') ? 'UNIT_OFFICER' : hasRole(a, 'UNIT_HEAD') ? 'UNIT_HEAD' : undefined;
  if (!role) throw forbidden('ROLE_REQUIRED', 'Thao tác này cần vai trò Cán bộ thi đua đơn vị hoặc Thủ trưởng đơn vị');
  if (a.unitId !== s.unitId) throw forbidden('OUT_OF_SCOPE', 'Chỉ đơn vị đề nghị được bổ sung tài liệu của hồ sơ này');
  if (isNominee(a, s.nominee)) throw domainError('OWN_NOMINATION');
  if ((s.status !== 'DRAFT' && s.status !== 'RETURNED') || s.onHold) throw domainError('DOSSIER_CLOSED');
  if (!command.policy.documentTypes.some((t) => t.code === command.documentType))
    throw invalid(
      'DOCUMENT_TYPE',
      `Loại tài liệu không hợp lệ: ${command.documentType}. Các loại: ${command.policy.documentTypes.map((t) => t.code).join(', ')}`,
      'documentType',
    );
  if (command.size <= 0) throw invalid('DOCUMENT_EMPTY', 'Tệp tài liệu rỗng', 'file');
  if (command.size > command.maxBytes)
    throw invalid(
      'DOCUMENT_TOO_LARGE',
      `Tệp quá lớn (${(command.size / MB).toFixed(1)} MB); tối đa ${(command.maxBytes / MB).toFixed(1)} MB`,
      'file',
    );
  if (!command.mediaType)
    throw invalid(
      'DOCUMENT_CONTENT_NOT_ALLOWED',
      'Nội dung tệp không phải PDF, DOCX, JPEG hoặc PNG (kiểm tra theo nội dung, không theo tên tệp)',
      'file',
    );
  if (!/^[0-9a-f]{64}$/.test(command.hash))
    throw invalid('DOCUMENT_CONTENT_NOT_ALLOWED', 'Mã băm không hợp lệ', 'file');
  const current = currentDocuments(state).find((d) => d.documentType === command.documentType);
  // The same bytes again for the same type: nothing changes (a retried upload).
  if (current?.hash === command.hash) return [];
  const fileName = (command.fileName || documentTypeName(command.policy, command.documentType)).slice(0, 200);
  return [
    {
      type: 'DossierDocumentAdded',
      data: {
        nominationId: command.nominationId,
        documentType: command.documentType,
        hash: command.hash,
        size: command.size,
        mediaType: command.mediaType,
        fileName,
        ...(current ? { replaces: current.hash } : {}),
        by: actingAs(a, role),
        at: command.now,
      },
    },
  ];
}

export const dossierDecider = {
  decide: decideDossier,
  evolve: evolveDossier,
  initialState: initialDossierState,
};

import type { ActingAs, Actor } from '../shared/actor';

/**
 * An exemplary model (gương điển hình tiên tiến): the story of an awardee the office publishes on the
 * public site. Its own event stream, `exemplary-model-<id>`; the award it relates to is a signed
 * award of the registry, copied onto the story when it is written.
 */
export const exemplaryModelStreamName = (modelId: string) => `exemplary-model-${modelId}`;
export const EXEMPLARY_MODEL_STREAM_PREFIX = 'exemplary-model-';

/** The award the story tells of, as the registry holds it. */
export interface RelatedAward {
  nominationId: string;
  decisionNumber: string;
  awardCode: string;
  awardName: string;
  nomineeName: string;
  nomineeKind: string | null;
  unitId: string | null;
  year: number | null;
}

/** The recorded consent of the person (or the collective's representative) to publishing the story. */
export interface Consent {
  /** Who consented: the awardee, or for a collective the one who represents it. */
  givenBy: string;
  /** Date the consent was given (YYYY-MM-DD). */
  givenOn: string;
  /** Where the signed consent is kept (document number, file name). */
  evidence: string;
}

export interface StoryContent {
  title: string;
  text: string;
  /** Photo shown with the story (https URL or a path of the public site); optional. */
  photoUrl?: string;
}

type Common = { modelId: string; by: ActingAs; at: string };
type Ev<T extends string, D> = { type: T; data: Common & D };

export type ExemplaryModelCreated = Ev<'ExemplaryModelCreated', StoryContent & { award: RelatedAward }>;
export type ExemplaryModelRevised = Ev<'ExemplaryModelRevised', { changes: Partial<StoryContent> }>;
export type ExemplaryModelConsentRecorded = Ev<'ExemplaryModelConsentRecorded', { consent: Consent }>;
export type ExemplaryModelConsentWithdrawn = Ev<'ExemplaryModelConsentWithdrawn', { reason: string }>;
export type ExemplaryModelPublished = Ev<'ExemplaryModelPublished', object>;
export type ExemplaryModelUnpublished = Ev<'ExemplaryModelUnpublished', { reason: string }>;

export type ExemplaryModelEvent =
  | ExemplaryModelCreated
  | ExemplaryModelRevised
  | ExemplaryModelConsentRecorded
  | ExemplaryModelConsentWithdrawn
  | ExemplaryModelPublished
  | ExemplaryModelUnpublished;

export type ExemplaryModelState =
  | { status: 'NONE' }
  | {
      status: 'DRAFT' | 'PUBLISHED' | 'UNPUBLISHED';
      modelId: string;
      content: StoryContent;
      award: RelatedAward;
      consent: Consent | null;
    };

type By = { actor: Actor; at: string; modelId: string };

export type ExemplaryModelCommand =
  | (By & { type: 'CreateExemplaryModel'; content: StoryContent; award: RelatedAward | null; awardRevoked: boolean })
  | (By & { type: 'ReviseExemplaryModel'; changes: Partial<StoryContent> })
  | (By & { type: 'RecordConsent'; consent: Consent })
  | (By & { type: 'WithdrawConsent'; reason: string })
  | (By & { type: 'PublishExemplaryModel'; awardRevoked: boolean })
  | (By & { type: 'UnpublishExemplaryModel'; reason: string });

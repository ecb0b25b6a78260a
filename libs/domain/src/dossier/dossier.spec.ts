import { evolve } from '../nomination/nomination.evolve';
import { nominationDecider } from '../nomination/nomination.decider';
import type { ExistingNomination } from '../nomination/nomination.state';
import * as f from '../testing/fixtures';
import { DEFAULT_DOSSIER_POLICY, dossierPolicyProblems } from './dossier-policy';
import {
  type AddDossierDocument,
  type DossierEvent,
  currentDocuments,
  dossierDecider,
  missingDocuments,
} from './dossier';

const policy = f.catalog.dossier ?? DEFAULT_DOSSIER_POLICY;
const fold = (events: ReturnType<typeof f.story.inDraft>) =>
  events.reduce(evolve, nominationDecider.initialState()) as ExistingNomination;
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

const add = (o: Partial<AddDossierDocument> = {}): AddDossierDocument => ({
  type: 'AddDossierDocument',
  nominationId: f.story.inDraft()[0]!.data.nominationId,
  actor: f.canboDonvi1,
  now: f.T.edited,
  documentType: 'TO_TRINH',
  hash: HASH_A,
  size: 1000,
  mediaType: 'application/pdf',
  fileName: 'to-trinh.pdf',
  nomination: fold(f.story.inDraft()),
  policy,
  maxBytes: 10 * 1024 * 1024,
  ...o,
});

const run = (events: DossierEvent[], command: AddDossierDocument) =>
  dossierDecider.decide(command, events.reduce(dossierDecider.evolve, dossierDecider.initialState()));
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as { kind: string; code: string; field?: string };
  }
  throw new Error('not refused');
};

describe('A dossier: typed documents stored by content, each addition an event', () => {
  it('the unit officer adds a document: type, hash, size, media type and uploader are recorded', () => {
    const [e] = run([], add());
    expect(e).toMatchObject({
      type: 'DossierDocumentAdded',
      data: {
        documentType: 'TO_TRINH',
        hash: HASH_A,
        size: 1000,
        by: { userId: 'canbo.donvi1', role: 'UNIT_OFFICER' },
      },
    });
  });

  it('the same bytes again for the same type change nothing; other bytes replace it and keep the old one', () => {
    const first = run([], add());
    expect(run(first, add())).toEqual([]);
    const second = run(first, add({ hash: HASH_B }));
    expect(second[0]!.data.replaces).toBe(HASH_A);
    const state = [...first, ...second].reduce(dossierDecider.evolve, dossierDecider.initialState());
    expect(state.documents.map((d) => [d.hash, d.replacedBy])).toEqual([
      [HASH_A, HASH_B],
      [HASH_B, undefined],
    ]);
    expect(currentDocuments(state).map((d) => d.hash)).toEqual([HASH_B]);
  });

  it('content that is none of PDF, DOCX, JPEG, PNG is refused, whatever its name', () => {
    expect(refusal(() => run([], add({ mediaType: null, fileName: 'setup.pdf' })))).toMatchObject({
      code: 'DOCUMENT_CONTENT_NOT_ALLOWED',
      field: 'file',
    });
  });

  it('a file over the limit, an empty file or an unknown type is refused', () => {
    expect(refusal(() => run([], add({ size: 11 * 1024 * 1024 })))).toMatchObject({ code: 'DOCUMENT_TOO_LARGE' });
    expect(refusal(() => run([], add({ size: 0 })))).toMatchObject({ code: 'DOCUMENT_EMPTY' });
    expect(refusal(() => run([], add({ documentType: 'ANH_CHAN_DUNG' })))).toMatchObject({ code: 'DOCUMENT_TYPE' });
  });

  it('only the proposing unit adds documents, while drafting or after a return', () => {
    expect(refusal(() => run([], add({ actor: f.canboDonvi3 })))).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(refusal(() => run([], add({ actor: f.thuky })))).toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(refusal(() => run([], add({ nomination: fold(f.story.inClusterReview()) })))).toMatchObject({
      code: 'DOSSIER_CLOSED',
    });
    expect(run([], add({ nomination: fold(f.story.returned()) }))).toHaveLength(1);
  });

  it('lists the required types the dossier lacks, per award form (the catalog says which)', () => {
    const state = run([], add()).reduce(dossierDecider.evolve, dossierDecider.initialState());
    expect(missingDocuments(state, policy, 'BANG_KHEN_TINH')).toEqual(['BIEN_BAN_HOP_XET', 'BAO_CAO_THANH_TICH']);
    expect(missingDocuments(state, policy, 'CSTD_TINH')).toContain('MINH_CHUNG_SANG_KIEN');
  });

  it('the catalog refuses a dossier block that names unknown types or awards', () => {
    expect(dossierPolicyProblems({ ...policy, required: { NOPE: ['TO_TRINH'] } }, new Set(['BANG_KHEN_TINH']))).toEqual(
      ['dossier.required: unknown award NOPE'],
    );
    expect(
      dossierPolicyProblems({ ...policy, required: { default: ['XYZ'] } }, new Set(['BANG_KHEN_TINH'])),
    ).toHaveLength(1);
  });
});

import { actingAs, hasRole, type Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { domainError, forbidden, invalid } from '../shared/errors';
import type {
  ExemplaryModelCommand,
  ExemplaryModelEvent,
  ExemplaryModelState,
  StoryContent,
} from './exemplary-model.types';

/** The commendation office (thường trực hội đồng, the council secretary) writes and publishes the stories. */
function office(actor: Actor) {
  if (!hasRole(actor, 'COUNCIL_SECRETARY'))
    throw forbidden('ROLE_REQUIRED', 'Chỉ Ban Thi đua – Khen thưởng (thường trực hội đồng) quản lý gương điển hình');
  return actingAs(actor, 'COUNCIL_SECRETARY');
}

const blank = (s: string | undefined) => s !== undefined && s.trim() === '';

function checkContent(content: Partial<StoryContent>) {
  if (blank(content.title)) throw invalid('EXEMPLARY_MODEL_FIELD', 'Cần tiêu đề', 'title');
  if (blank(content.text)) throw invalid('EXEMPLARY_MODEL_FIELD', 'Cần nội dung', 'text');
}

export function decideExemplaryModel(
  command: ExemplaryModelCommand,
  state: ExemplaryModelState,
): ExemplaryModelEvent[] {
  const by = office(command.actor);
  const common = { modelId: command.modelId, by, at: command.at };
  if (command.type === 'CreateExemplaryModel') {
    if (state.status !== 'NONE') throw domainError('EXEMPLARY_MODEL_EXISTS');
    if (!command.award)
      throw invalid('AWARD_NOT_IN_REGISTRY', 'Không có khen thưởng này trong sổ khen thưởng', 'nominationId');
    if (command.awardRevoked) throw domainError('AWARD_REVOKED_FOR_MODEL');
    const content = command.content;
    checkContent({ ...content, title: content.title ?? '', text: content.text ?? '' });
    return [{ type: 'ExemplaryModelCreated', data: { ...common, ...content, award: command.award } }];
  }
  if (state.status === 'NONE') throw domainError('EXEMPLARY_MODEL_NOT_FOUND');
  switch (command.type) {
    case 'ReviseExemplaryModel': {
      checkContent(command.changes);
      const changes = Object.fromEntries(
        Object.entries(command.changes).filter(
          ([k, v]) => v !== undefined && v !== state.content[k as keyof StoryContent],
        ),
      ) as Partial<StoryContent>;
      return Object.keys(changes).length ? [{ type: 'ExemplaryModelRevised', data: { ...common, changes } }] : [];
    }
    case 'RecordConsent':
      return [{ type: 'ExemplaryModelConsentRecorded', data: { ...common, consent: command.consent } }];
    case 'WithdrawConsent': {
      if (!state.consent) return [];
      const withdrawn: ExemplaryModelEvent = {
        type: 'ExemplaryModelConsentWithdrawn',
        data: { ...common, reason: command.reason },
      };
      // Without consent the story may not stay on the public site.
      return state.status === 'PUBLISHED'
        ? [
            withdrawn,
            { type: 'ExemplaryModelUnpublished', data: { ...common, reason: `Rút đồng ý: ${command.reason}` } },
          ]
        : [withdrawn];
    }
    case 'PublishExemplaryModel':
      if (state.status === 'PUBLISHED') return [];
      if (!state.consent) throw domainError('CONSENT_REQUIRED');
      if (command.awardRevoked) throw domainError('AWARD_REVOKED_FOR_MODEL');
      return [{ type: 'ExemplaryModelPublished', data: common }];
    case 'UnpublishExemplaryModel':
      if (state.status !== 'PUBLISHED') return [];
      return [{ type: 'ExemplaryModelUnpublished', data: { ...common, reason: command.reason } }];
  }
}

export function evolveExemplaryModel(state: ExemplaryModelState, event: ExemplaryModelEvent): ExemplaryModelState {
  if (event.type === 'ExemplaryModelCreated') {
    const { title, text, photoUrl, award, modelId } = event.data;
    return {
      status: 'DRAFT',
      modelId,
      content: { title, text, ...(photoUrl !== undefined ? { photoUrl } : {}) },
      award,
      consent: null,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ExemplaryModelRevised':
      return { ...state, content: { ...state.content, ...event.data.changes } };
    case 'ExemplaryModelConsentRecorded':
      return { ...state, consent: event.data.consent };
    case 'ExemplaryModelConsentWithdrawn':
      return { ...state, consent: null };
    case 'ExemplaryModelPublished':
      return { ...state, status: 'PUBLISHED' };
    case 'ExemplaryModelUnpublished':
      return { ...state, status: 'UNPUBLISHED' };
  }
}

export const exemplaryModelDecider: Decider<ExemplaryModelCommand, ExemplaryModelEvent, ExemplaryModelState> = {
  decide: decideExemplaryModel,
  evolve: evolveExemplaryModel,
  initialState: () => ({ status: 'NONE' }),
};

import type { CouncilSessionEvent } from './council-session.events';
import type { CouncilSessionState } from './council-session.state';

export const initialSessionState = (): CouncilSessionState => ({ status: 'NONE' });

const addOnce = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

/** evolve(state, event) → state. Pure and total. */
export function evolveSession(state: CouncilSessionState, event: CouncilSessionEvent): CouncilSessionState {
  if (event.type === 'CouncilSessionConvened') {
    const d = event.data;
    return {
      status: 'SCHEDULED',
      sessionId: d.sessionId,
      title: d.title,
      scheduledAt: d.scheduledAt,
      convenedBy: d.by.userId,
      members: d.members,
      attendance: d.attendance,
      agenda: [],
      present: [],
      ballots: {},
      votes: {},
      recused: {},
      secretKeys: [],
      issued: {},
    };
  }
  if (state.status === 'NONE') return state;
  const s = state;
  switch (event.type) {
    case 'SessionItemAdded': {
      const id = event.data.item.nominationId;
      const withdrawn = s.withdrawn?.filter((w) => w.nominationId !== id);
      return {
        ...s,
        agenda: [...s.agenda.filter((i) => i.nominationId !== id), event.data.item],
        ...(withdrawn ? { withdrawn } : {}),
      };
    }
    case 'SessionItemRemoved': {
      const { nominationId, withdrawn } = event.data;
      const item = s.agenda.find((i) => i.nominationId === nominationId);
      return {
        ...s,
        agenda: s.agenda.filter((i) => i.nominationId !== nominationId),
        ...(withdrawn && item
          ? { withdrawn: [...(s.withdrawn ?? []), { ...item, ...withdrawn, at: event.data.at }] }
          : {}),
      };
    }
    case 'SessionMemberCheckedIn':
      return { ...s, present: addOnce(s.present, event.data.by.userId) };
    case 'CouncilSessionOpened':
      return { ...s, status: 'OPEN', secretKeys: event.data.secretItems };
    case 'SessionMemberRecused': {
      const n = event.data.nominationId;
      return { ...s, recused: { ...s.recused, [n]: addOnce(s.recused[n] ?? [], event.data.by.userId) } };
    }
    case 'SessionBallotCast': {
      const { member, choices, inWriting } = event.data;
      const votes = { ...s.votes };
      for (const c of choices) votes[c.nominationId] = { ...votes[c.nominationId], [member]: c.choice };
      return { ...s, votes, ballots: { ...s.ballots, [member]: { inWriting } } };
    }
    case 'BlindSignatureIssued': {
      const n = event.data.nominationId;
      return {
        ...s,
        issued: { ...s.issued, [n]: { ...s.issued[n], [event.data.by.userId]: event.data.requestHash } },
      };
    }
    case 'CouncilSessionClosed':
      return { ...s, status: 'CLOSED', results: event.data.results };
    default:
      return s;
  }
}

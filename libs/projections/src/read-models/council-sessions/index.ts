export { COUNCIL_SESSIONS_TABLE } from './council-sessions.schema';
export { CouncilSessionsProjection, COUNCIL_SESSION_STREAM_PREFIX } from './council-sessions.projection';
export { listCouncilSessions, getCouncilSession, type CouncilSessionRow } from './council-sessions.queries';

/**
 * Every code a refused command or query can carry, with its kind and what it means — independent
 * of HTTP (the API maps kinds onto statuses, apps/api/src/http/errors.ts). Codes are what clients
 * and tests match on: never rename one. `message` is the Vietnamese text of codes whose message
 * never varies; the others are worded where they are raised, with the facts of the case.
 *
 * A table rather than a class per code (as in domain-driven-hexagon's user.errors.ts): refusals
 * cross the Temporal boundary as plain details and come back as DomainError, so an `instanceof`
 * per code would not survive the trip; the code is the identity.
 */
/** What kind of refusal a code is; the HTTP edge maps kinds onto statuses. */
export type DomainErrorKind = 'VALIDATION' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_STATE' | 'CONFLICT';

export interface ErrorSpec {
  kind: DomainErrorKind;
  /** When this code is raised (for readers; never shown). */
  meaning: string;
  /** The Vietnamese message, when it is always the same. */
  message?: string;
}

export const ERROR_CATALOGUE = {
  // NOT_FOUND
  NOMINATION_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'No nomination has this id (its draft may have been refused, so nothing was written).',
    message: 'Không tìm thấy hồ sơ đề nghị',
  },
  DECISION_NOT_FOUND: { kind: 'NOT_FOUND', meaning: 'No award decision has this number.' },
  AUDIT_EVENT_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'No event with this id is in the audit log (yet).',
    message: 'Không tìm thấy sự kiện này trong nhật ký kiểm toán',
  },
  CHECKPOINT_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'The audit log has no signed checkpoint yet.',
    message: 'Nhật ký kiểm toán chưa có điểm chốt nào được ký',
  },
  SESSION_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'No council session has this id.',
    message: 'Không tìm thấy phiên họp hội đồng',
  },

  // FORBIDDEN: who acts
  ROLE_REQUIRED: { kind: 'FORBIDDEN', meaning: 'The actor lacks the role the command needs.' },
  OUT_OF_SCOPE: { kind: 'FORBIDDEN', meaning: 'The actor has the role, but not for this unit or cluster.' },
  SEPARATION_OF_DUTIES: {
    kind: 'FORBIDDEN',
    meaning: 'Whoever drafted or submitted a nomination may not review, vote on or sign it.',
    message: 'Người lập hoặc trình hồ sơ không được xét, biểu quyết hay ký hồ sơ đó',
  },
  OWN_NOMINATION: {
    kind: 'FORBIDDEN',
    meaning:
      'The actor is the nominee (by the account named on the nominee, or by the personId the organisation file gives the user): no step on one’s own nomination.',
    message: 'Người được đề nghị khen thưởng không được thực hiện thao tác nào trên hồ sơ của chính mình',
  },
  ONE_OFF_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning: 'One-off (đột xuất) is declared by the unit head at submission, for award forms whose policy allows it.',
  },
  NOT_A_COUNCIL_MEMBER: {
    kind: 'FORBIDDEN',
    meaning: 'The voter is not on the council roster fixed when voting opened.',
    message: 'Người này không thuộc thành phần hội đồng biểu quyết hồ sơ này',
  },
  MUST_RECUSE: {
    kind: 'FORBIDDEN',
    meaning: 'A council member of the nominee’s unit (or the nominee) must recuse rather than vote.',
    message: 'Thành viên cùng đơn vị với người được đề nghị (hoặc chính người được đề nghị) phải rút khỏi biểu quyết',
  },
  TRIGGER_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning: 'Only the workflow’s clock closes voting on ALL_VOTED or DEADLINE.',
  },
  AUDIT_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning:
      'No longer raised: a trail outside the reader’s scope answers NOMINATION_NOT_FOUND (404), so existence is not revealed. Kept: codes are never reused.',
  },
  ACCESS_LOG_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning: 'Only the inspector lists who read personal data.',
    message: 'Chỉ thanh tra được xem nhật ký truy cập dữ liệu cá nhân',
  },
  PROOF_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning:
      'Consistency proofs, and inclusion proofs that would show the hash of an unsalted (v1) leaf — logged before leaves were salted; it would let a reader test guesses of a hidden field — are for the inspector and the council secretary only.',
    message:
      'Chỉ thanh tra và thường trực hội đồng được lấy bằng chứng này của nhật ký kiểm toán (bằng chứng nhất quán, hoặc sự kiện ghi trước khi lá nhật ký có muối: bằng chứng có thể để lộ nội dung bị ẩn)',
  },
  COUNCIL_SESSION_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning:
      'A council session lists nominations of every unit: only readers who may read every nomination (council, secretary, Chairman, inspector) read it.',
    message: 'Chỉ Hội đồng, thường trực hội đồng, Chủ tịch và thanh tra xem được phiên họp',
  },

  // INVALID_STATE: the nomination is not where the command applies
  ALREADY_EXISTS: {
    kind: 'INVALID_STATE',
    meaning: 'A nomination with this id was already drafted.',
    message: 'Hồ sơ đề nghị này đã tồn tại',
  },
  WRONG_STAGE: { kind: 'INVALID_STATE', meaning: 'The nomination is at another stage than the command needs.' },
  ON_HOLD: {
    kind: 'INVALID_STATE',
    meaning: 'The nomination is on hold (discipline, inspection, complaint); it does not progress.',
    message: 'Hồ sơ đang tạm dừng (đang xem xét kỷ luật, thanh tra, khiếu nại hoặc tố cáo)',
  },
  ALREADY_ON_HOLD: { kind: 'INVALID_STATE', meaning: 'Put on hold twice.', message: 'Hồ sơ đang bị tạm dừng' },
  NOT_ON_HOLD: {
    kind: 'INVALID_STATE',
    meaning: 'Released without being on hold.',
    message: 'Hồ sơ không bị tạm dừng',
  },
  NOMINATION_CLOSED: {
    kind: 'INVALID_STATE',
    meaning: 'The nomination has ended (awarded, rejected, withdrawn, revoked).',
  },
  ALREADY_SIGNED: {
    kind: 'INVALID_STATE',
    meaning: 'A signed award cannot be withdrawn, only revoked.',
    message: 'Quyết định khen thưởng đã ký: không thể rút hồ sơ (chỉ có thể hủy bỏ khen thưởng)',
  },
  NOT_AWARDED: {
    kind: 'INVALID_STATE',
    meaning: 'Only an awarded nomination can be revoked.',
    message: 'Chỉ hủy bỏ được khen thưởng đã được quyết định',
  },
  VOTING_ALREADY_OPEN: {
    kind: 'INVALID_STATE',
    meaning: 'Council voting opened twice.',
    message: 'Hội đồng đã mở biểu quyết hồ sơ này',
  },
  VOTING_NOT_OPEN: {
    kind: 'INVALID_STATE',
    meaning: 'A vote, recusal or close before voting opened.',
    message: 'Hội đồng chưa mở biểu quyết hồ sơ này',
  },
  ALREADY_VOTED: {
    kind: 'INVALID_STATE',
    meaning: 'A member votes or recuses after voting.',
    message: 'Thành viên đã biểu quyết hồ sơ này',
  },
  ALREADY_RECUSED: {
    kind: 'INVALID_STATE',
    meaning: 'A member votes or recuses after recusing.',
    message: 'Thành viên đã rút khỏi việc biểu quyết hồ sơ này',
  },
  VOTES_PENDING: { kind: 'INVALID_STATE', meaning: 'ALL_VOTED close while members have not voted.' },
  DEADLINE_NOT_REACHED: { kind: 'INVALID_STATE', meaning: 'DEADLINE close before the voting deadline.' },
  SUBMISSIONS_CLOSED: { kind: 'INVALID_STATE', meaning: 'Submitted after the campaign’s submission deadline.' },
  NOT_ELIGIBLE: { kind: 'INVALID_STATE', meaning: 'The nominee’s award history does not meet the award’s conditions.' },
  ALREADY_REMINDED: { kind: 'INVALID_STATE', meaning: 'The stage reminder was already issued.' },
  ALREADY_ESCALATED: { kind: 'INVALID_STATE', meaning: 'The stage was already escalated.' },
  NOT_OVERDUE: { kind: 'INVALID_STATE', meaning: 'Escalation or reminder before it is due.' },
  STAGE_PASSED: { kind: 'INVALID_STATE', meaning: 'A reminder or escalation for a stage the nomination has left.' },
  // INVALID_STATE: council sessions
  SESSION_ALREADY_EXISTS: {
    kind: 'INVALID_STATE',
    meaning: 'A session with this id was already convened.',
    message: 'Phiên họp này đã được triệu tập',
  },
  AGENDA_FROZEN: {
    kind: 'INVALID_STATE',
    meaning: 'The agenda changes only before the session opens.',
    message: 'Chương trình phiên họp chỉ thay đổi được trước khi khai mạc',
  },
  SESSION_NOT_OPEN: {
    kind: 'INVALID_STATE',
    meaning: 'Voting, recusal or close of a session that is not open.',
    message: 'Phiên họp chưa khai mạc hoặc đã bế mạc',
  },
  SESSION_CLOSED: {
    kind: 'INVALID_STATE',
    meaning: 'The session has closed.',
    message: 'Phiên họp đã bế mạc',
  },
  ATTENDANCE_QUORUM_NOT_MET: {
    kind: 'INVALID_STATE',
    meaning: 'Fewer members present than the council regulation requires to open the session.',
  },
  EMPTY_AGENDA: {
    kind: 'INVALID_STATE',
    meaning: 'A session opened with nothing on its agenda.',
    message: 'Chương trình phiên họp chưa có hồ sơ nào',
  },
  NOT_AWAITING_COUNCIL: {
    kind: 'INVALID_STATE',
    meaning: 'A nomination put on an agenda that does not wait for the council (stage, hold, written consultation).',
  },
  ALREADY_CHECKED_IN: {
    kind: 'INVALID_STATE',
    meaning: 'A member checks in twice.',
    message: 'Thành viên đã điểm danh',
  },
  NOT_PRESENT: {
    kind: 'INVALID_STATE',
    meaning: 'A member votes in the meeting without having checked in.',
    message: 'Thành viên chưa điểm danh có mặt tại phiên họp',
  },
  PRESENT_MEMBER: {
    kind: 'INVALID_STATE',
    meaning: 'A written ballot for a member who is present (they vote themselves).',
    message: 'Thành viên có mặt tại phiên họp tự biểu quyết, không dùng phiếu gửi trước',
  },
  BALLOT_ALREADY_CAST: {
    kind: 'INVALID_STATE',
    meaning: 'A member’s second ballot in a session (one ballot for the whole agenda).',
    message: 'Thành viên đã bỏ phiếu cho phiên họp này',
  },
  RECUSED_FROM_ITEM: {
    kind: 'INVALID_STATE',
    meaning: 'A choice (or a second recusal, or a blind signature) for an item the member recused from.',
  },
  SIGNATURE_ALREADY_ISSUED: {
    kind: 'INVALID_STATE',
    meaning: 'A second blind signature for the same member and secret item, or a recusal after one.',
    message: 'Thành viên đã nhận chữ ký mù cho nội dung bỏ phiếu kín này',
  },
  BALLOT_BOX_SEALED: {
    kind: 'INVALID_STATE',
    meaning: 'A secret ballot after the item’s ballot box was sealed at close.',
    message: 'Hòm phiếu kín đã niêm phong (phiên họp đã bế mạc)',
  },
  REFUSED: { kind: 'INVALID_STATE', meaning: 'A refusal that arrived without its details (should not happen).' },

  // CONFLICT: another write came first
  ONE_ACHIEVEMENT_ONE_AWARD: { kind: 'CONFLICT', meaning: 'The nominee already holds this award for this campaign.' },
  CONCURRENT_CHANGE: {
    kind: 'CONFLICT',
    meaning: 'Another command changed the nomination between reading and writing.',
    message: 'Hồ sơ vừa được thay đổi bởi một thao tác khác',
  },
  WRONG_SEQUENCE: { kind: 'CONFLICT', meaning: 'A decision-number stream of another authority or year.' },
  ON_ANOTHER_SESSION: {
    kind: 'CONFLICT',
    meaning: 'The nomination is on the agenda of another session that has not closed.',
  },
  TOKEN_ALREADY_USED: {
    kind: 'CONFLICT',
    meaning: 'A secret ballot with a token already cast (a replay).',
    message: 'Mã phiếu này đã được dùng để bỏ phiếu',
  },
  BALLOTS_EXCEED_ISSUED: {
    kind: 'CONFLICT',
    meaning: 'More secret ballots than blind signatures issued: the count is refused (should never happen).',
  },

  // VALIDATION: the command itself is malformed
  REQUIRED: { kind: 'VALIDATION', meaning: 'A required field is missing.' },
  INTENT_TYPE: { kind: 'VALIDATION', meaning: 'An unknown intent, or one sent to the wrong Update.' },
  COMMAND_ID: { kind: 'VALIDATION', meaning: 'An Update without its commandId.' },
  ACTOR: { kind: 'VALIDATION', meaning: 'An Update without its actor.' },
  UNKNOWN_CAMPAIGN: { kind: 'VALIDATION', meaning: 'No campaign has this id.' },
  UNKNOWN_AWARD: { kind: 'VALIDATION', meaning: 'No award in the catalog has this code.' },
  CAMPAIGN_MISMATCH: { kind: 'VALIDATION', meaning: 'The command names another campaign than the nomination’s.' },
  AWARD_NOT_PROVINCIAL: {
    kind: 'VALIDATION',
    meaning: 'The award is decided by the unit head, not submitted to the province.',
  },
  RECIPIENT_KIND: { kind: 'VALIDATION', meaning: 'Individual/collective does not match the award, or was changed.' },
  NOTHING_TO_CHANGE: {
    kind: 'VALIDATION',
    meaning: 'An edit that changes nothing.',
    message: 'Không có nội dung nào được sửa',
  },
  DECISION: { kind: 'VALIDATION', meaning: 'A cluster review decision other than endorse, return, reject.' },
  CHOICE: { kind: 'VALIDATION', meaning: 'A vote other than approve, reject, abstain.' },
  MATTER: { kind: 'VALIDATION', meaning: 'A hold matter outside the list.' },
  GROUND: { kind: 'VALIDATION', meaning: 'A revocation ground outside the list.' },
  DEADLINE: { kind: 'VALIDATION', meaning: 'A voting deadline missing or not after the opening.' },
  DATE_TIME: { kind: 'VALIDATION', meaning: 'A timestamp that does not parse.' },
  NO_MEMBERS: {
    kind: 'VALIDATION',
    meaning: 'Voting opened with an empty council.',
    message: 'Hội đồng chưa có thành viên',
  },
  DUPLICATE_MEMBER: {
    kind: 'VALIDATION',
    meaning: 'A council roster names someone twice.',
    message: 'Một thành viên xuất hiện hai lần',
  },
  AUTHORITY: {
    kind: 'VALIDATION',
    meaning: 'A malformed issuing-authority symbol.',
    message: 'Ký hiệu cơ quan ban hành không hợp lệ',
  },
  NOT_ON_AGENDA: { kind: 'VALIDATION', meaning: 'A nomination that is not on the session’s agenda.' },
  ALREADY_ON_AGENDA: { kind: 'VALIDATION', meaning: 'A nomination added twice to the same agenda.' },
  SECRET_ITEM: {
    kind: 'VALIDATION',
    meaning: 'A choice for a secret-ballot item in an open ballot (it is cast with a blind-signed token).',
  },
  NOT_SECRET_ITEM: { kind: 'VALIDATION', meaning: 'A blind signature or token ballot for an open-ballot item.' },
  CHOICES_MISSING: {
    kind: 'VALIDATION',
    meaning: 'A session ballot without a choice for every item the member votes on.',
  },
  DUPLICATE_CHOICE: { kind: 'VALIDATION', meaning: 'Two choices for one item in a ballot.' },
  ON_BEHALF_OF: {
    kind: 'VALIDATION',
    meaning: 'A written ballot without (or for someone other than) a council member.',
  },
  MALFORMED_BYTES: { kind: 'VALIDATION', meaning: 'A byte string that is not base64url.' },
  BAD_SIGNATURE: {
    kind: 'VALIDATION',
    meaning: 'A token whose signature does not verify with this item’s key (forged, or signed for another item).',
    message: 'Chữ ký của mã phiếu không hợp lệ với khóa của nội dung bỏ phiếu này',
  },
  TITLE: { kind: 'VALIDATION', meaning: 'A session without a title.', message: 'Cần tên phiên họp' },
  YEAR: { kind: 'VALIDATION', meaning: 'A decision year out of range.', message: 'Năm ban hành không hợp lệ' },
  TREE_SIZE: {
    kind: 'VALIDATION',
    meaning: 'A tree size beyond the audit log, or a consistency range whose start is after its end.',
  },

  // Award decisions (quyết định khen thưởng with many recipients; libs/domain/src/award-decision)
  AWARD_DECISION_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'No award decision has this id.',
    message: 'Không tìm thấy quyết định',
  },
  AWARD_DECISION_EXISTS: {
    kind: 'INVALID_STATE',
    meaning: 'A decision with this id was already drafted.',
    message: 'Quyết định này đã được lập',
  },
  DECISION_NOT_DRAFT: {
    kind: 'INVALID_STATE',
    meaning: 'Recipients are removed, and a decision signed or declined, only while it is a draft.',
  },
  DECISION_NOT_SIGNED: {
    kind: 'INVALID_STATE',
    meaning: 'The document office registers a number only for a signed decision still without one.',
  },
  DECISION_EMPTY: {
    kind: 'INVALID_STATE',
    meaning: 'A decision without recipients cannot be signed.',
    message: 'Quyết định không còn người/tập thể nào được khen thưởng',
  },
  NUMBERING_MODE: {
    kind: 'VALIDATION',
    meaning:
      'A number given for an authority the system numbers (register), or missing where the office numbers it (external), or a register number asked for where the office numbers (external: a nomination signed alone is a decision of one recipient).',
  },
  DECISION_NUMBER: {
    kind: 'VALIDATION',
    meaning: 'A decision number not written as <sequence>/QĐ-<authority> of this decision’s authority.',
  },
  DECISION_NUMBER_TAKEN: {
    kind: 'CONFLICT',
    meaning: 'Another decision of the same authority and signing year already has this number.',
  },
  ON_ANOTHER_DECISION: {
    kind: 'CONFLICT',
    meaning: 'The nomination is listed on another decision that is not signed or declined yet.',
  },
  NOT_AWAITING_DECISION: {
    kind: 'INVALID_STATE',
    meaning: 'Only a nomination the council approved, not withdrawn nor on hold, can be listed on a decision.',
  },
  NOT_A_RECIPIENT: { kind: 'VALIDATION', meaning: 'The nomination is not listed on this decision.' },
  DUPLICATE_RECIPIENT: { kind: 'VALIDATION', meaning: 'A nomination listed twice on one decision.' },
  MIXED_AUTHORITIES: {
    kind: 'VALIDATION',
    meaning: 'One decision lists awards of different awarding authorities, or of forms it does not name.',
  },
  NO_BASE_SALARY: {
    kind: 'INVALID_STATE',
    meaning: 'The catalog gives no base salary in effect on the drafting date.',
    message: 'Chưa cấu hình mức lương cơ sở có hiệu lực',
  },
  // Campaigns and cluster scoring (libs/domain/src/campaign, cluster-scoring)
  CAMPAIGN_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'No campaign has this id.',
    message: 'Không tìm thấy đợt thi đua',
  },
  SCORING_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'The cluster has no scoring for this year, or the reader may not see it.',
    message: 'Không tìm thấy kết quả chấm điểm của cụm thi đua trong năm này',
  },
  NOT_A_PARTICIPANT: {
    kind: 'FORBIDDEN',
    meaning: 'The unit is not among the campaign’s participating units or clusters.',
  },
  CAMPAIGN_EXISTS: { kind: 'INVALID_STATE', meaning: 'A campaign with this id was already created.' },
  CAMPAIGN_STATE: { kind: 'INVALID_STATE', meaning: 'The campaign is not at the step this command needs.' },
  CAMPAIGN_CLOSED: {
    kind: 'INVALID_STATE',
    meaning: 'A draft in a closed campaign: refused when drafted.',
    message: 'Đợt thi đua đã kết thúc: không lập hồ sơ mới',
  },
  CAMPAIGN_NOT_OPEN: {
    kind: 'INVALID_STATE',
    meaning: 'A draft in a campaign not yet open for nominations (planned, or only open for registration).',
    message: 'Đợt thi đua chưa mở nhận hồ sơ đề nghị khen thưởng',
  },
  REGISTRATION_CLOSED: { kind: 'INVALID_STATE', meaning: 'A registration outside the campaign’s registration step.' },
  NOT_REGISTERED: {
    kind: 'INVALID_STATE',
    meaning:
      'A nomination for a title the registration policy names, from a unit that never registered in the annual campaign.',
  },
  RANKING_AGREED: {
    kind: 'INVALID_STATE',
    meaning: 'The cluster’s ranking for the year is agreed: scores and ranking no longer change.',
    message: 'Cụm đã thống nhất xếp hạng năm này: không sửa điểm hay xếp hạng nữa',
  },
  NO_SCORING_TABLE: {
    kind: 'INVALID_STATE',
    meaning: 'The campaign has no scoring table, or is not open (launched and not closed) for scoring.',
  },
  NOT_A_LEADING_UNIT: {
    kind: 'INVALID_STATE',
    meaning: 'An emulation flag nomination for a unit the cluster’s agreed ranking does not propose.',
  },
  NOT_PROPOSED_FOR_CERTIFICATE: {
    kind: 'INVALID_STATE',
    meaning:
      'A certificate nomination from the cluster’s ranking for a unit the agreed ranking does not propose for one.',
  },
  CAMPAIGN_ID: { kind: 'VALIDATION', meaning: 'A campaign id that is not lower-case letters, digits and dashes.' },
  CAMPAIGN_KIND: { kind: 'VALIDATION', meaning: 'A campaign kind other than ANNUAL, THEMATIC, PERIODIC.' },
  PERIOD: { kind: 'VALIDATION', meaning: 'A campaign period whose dates are not YYYY-MM-DD or end before they start.' },
  AWARD_CODES: { kind: 'VALIDATION', meaning: 'An empty or repeated list of award codes.' },
  AWARD_NOT_IN_CAMPAIGN: { kind: 'VALIDATION', meaning: 'An award form the campaign does not lead to.' },
  UNKNOWN_UNIT: { kind: 'VALIDATION', meaning: 'No unit has this id.' },
  UNKNOWN_CLUSTER: { kind: 'VALIDATION', meaning: 'No cluster has this id.' },
  SCORING_TABLE: {
    kind: 'VALIDATION',
    meaning: 'A scoring table row without code, name, a positive weight and top score.',
  },
  LAUNCH_DOCUMENT: { kind: 'VALIDATION', meaning: 'A launching document without its number or date.' },
  SCORE: { kind: 'VALIDATION', meaning: 'A score for an unknown criterion, missing, or outside 0..its top score.' },
  NOT_IN_CLUSTER: { kind: 'VALIDATION', meaning: 'A unit that is not a member of the cluster (or not taking part).' },
  RANKING: {
    kind: 'VALIDATION',
    meaning: 'A ranking that does not list every scored unit exactly once, or leading units outside its head.',
  },
  // ---- public notice (công khai) and forwarding to central level --------------------------------
  NOTICE_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'No public notice has this id.',
    message: 'Không tìm thấy danh sách công khai',
  },
  COMMENT_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'No comment with this id on this nomination.',
    message: 'Không tìm thấy ý kiến góp ý này',
  },
  PUBLIC_COMMENTS_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning: 'Comments on a public notice are read by the office, the council, the Chairman and the inspector.',
    message: 'Chỉ thường trực hội đồng, thành viên hội đồng, Chủ tịch và thanh tra được xem ý kiến góp ý',
  },
  NOTICE_ALREADY_PUBLISHED: {
    kind: 'CONFLICT',
    meaning: 'A notice id published twice.',
    message: 'Danh sách công khai này đã được đăng',
  },
  ALREADY_ON_NOTICE: { kind: 'CONFLICT', meaning: 'A nomination listed on a second public notice.' },
  NOT_SUBJECT_TO_NOTICE: {
    kind: 'VALIDATION',
    meaning: 'A nomination whose award policy has no publicNotice, offered for a public notice.',
  },
  NOT_LISTABLE: {
    kind: 'INVALID_STATE',
    meaning: 'A nomination offered for a public notice that is not between submission and the council’s vote.',
  },
  DUPLICATE_ITEM: { kind: 'VALIDATION', meaning: 'The same nomination twice in one request (a list or a notice).' },
  START_DATE: { kind: 'VALIDATION', meaning: 'A notice start date in the future, or too far in the past.' },
  DATE: {
    kind: 'VALIDATION',
    meaning: 'A calendar date not written YYYY-MM-DD.',
    message: 'Ngày phải có dạng YYYY-MM-DD',
  },
  TOO_LONG: { kind: 'VALIDATION', meaning: 'A text longer than its limit.' },
  NOT_ON_NOTICE: { kind: 'VALIDATION', meaning: 'A comment on a nomination that is not on this notice.' },
  NOTICE_CLOSED: {
    kind: 'INVALID_STATE',
    meaning: 'A comment before the notice starts or after it ends.',
    message: 'Danh sách không còn (hoặc chưa) trong thời gian công khai lấy ý kiến',
  },
  COMMENT_ALREADY_RESOLVED: {
    kind: 'INVALID_STATE',
    meaning: 'A comment resolved twice.',
    message: 'Ý kiến góp ý này đã được giải quyết',
  },
  RESOLUTION_NOT_IN_EFFECT: {
    kind: 'INVALID_STATE',
    meaning: 'HELD while the nomination is not on hold, or RETURNED while it is still on the council’s path.',
  },
  PUBLIC_NOTICE_OUTDATED: {
    kind: 'INVALID_STATE',
    meaning:
      'The dossier changed (a document added or replaced, the nomination edited) after the notice it is listed on was published: it needs a new notice before the council.',
  },
  PUBLIC_NOTICE_REQUIRED: {
    kind: 'INVALID_STATE',
    meaning: 'The award is made public before the council, and the nomination is on no public notice yet.',
    message: 'Hình thức khen thưởng này phải công khai lấy ý kiến trước khi hội đồng xét: hồ sơ chưa được công khai',
  },
  PUBLIC_NOTICE_RUNNING: {
    kind: 'INVALID_STATE',
    meaning: 'The nomination’s public notice has not ended yet (its working days have not passed).',
  },
  PUBLIC_COMMENTS_UNRESOLVED: {
    kind: 'INVALID_STATE',
    meaning: 'A comment on the nomination’s public notice is not resolved yet.',
  },
  NOT_CENTRAL_AWARD: {
    kind: 'INVALID_STATE',
    meaning: 'A forwarding or central decision for an award the province decides itself.',
    message: 'Hình thức khen thưởng này do Chủ tịch UBND tỉnh quyết định, không trình cấp trên',
  },
  CENTRAL_AWARD: {
    kind: 'INVALID_STATE',
    meaning: 'The Chairman signs an award decided at central level: it is forwarded instead.',
    message:
      'Hình thức khen thưởng này do cấp Trung ương quyết định: Chủ tịch ký tờ trình đề nghị, không ký quyết định',
  },
  // People and award history (issue 12: the person register, award history, its import)
  SUB_UNIT_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'No sub-unit (phòng, tổ, khoa…) of a unit has this id (or the reader may not see it).',
    message: 'Không tìm thấy bộ phận trực thuộc này',
  },
  SUB_UNIT_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning: 'Registering a sub-unit of another unit, or nominating another unit’s sub-unit.',
  },
  SUB_UNIT_EXISTS: {
    kind: 'CONFLICT',
    meaning: 'The unit already has a sub-unit of this name (of another kind).',
  },
  SUB_UNIT_KIND: { kind: 'VALIDATION', meaning: 'A sub-unit kind outside PHONG, TO, KHOA, BAN, KHAC.' },
  PERSON_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'No person of the register has this id (or the reader may not see them).',
    message: 'Không tìm thấy người này trong danh sách nhân sự',
  },
  PERSON_EXISTS: {
    kind: 'CONFLICT',
    meaning: 'Another person is already registered under this id.',
    message: 'Mã nhân sự này đã được dùng cho người khác',
  },
  CITIZEN_ID_TAKEN: {
    kind: 'CONFLICT',
    meaning: 'Another person of the register holds this citizen ID number (by its keyed hash).',
    message: 'Số CCCD này đã thuộc về một người khác trong danh sách nhân sự',
  },
  AWARD_HISTORY_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning: 'Only the unit head (of the person’s unit) or the office records award history.',
    message: 'Chỉ thủ trưởng đơn vị của người/tập thể này hoặc Ban TĐKT được ghi quá trình khen thưởng',
  },
  PEOPLE_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning: 'A reader without any scope over the register (no unit, cluster or province-wide role).',
    message: 'Bạn không có quyền xem danh sách nhân sự',
  },
  DATE_OF_BIRTH: { kind: 'VALIDATION', meaning: 'A date of birth that is not a real past date (YYYY-MM-DD).' },
  GENDER: { kind: 'VALIDATION', meaning: 'A gender other than male or female.' },
  SAME_UNIT: { kind: 'VALIDATION', meaning: 'A move to the unit the person is already in.' },
  CITIZEN_ID: {
    kind: 'VALIDATION',
    meaning: 'A citizen ID number that is not 12 digits.',
    message: 'Số CCCD gồm đúng 12 chữ số',
  },
  AWARD_RECORD: { kind: 'VALIDATION', meaning: 'An award history entry with a missing or wrong field.' },
  IMPORT_FILE: {
    kind: 'VALIDATION',
    meaning: 'An upload that is not a readable .xlsx of the award-history template.',
  },
  IMPORT_ROWS: {
    kind: 'VALIDATION',
    meaning: 'An award-history import with at least one bad row: nothing imported, every bad row listed.',
  },

  // Exemplary models (gương điển hình tiên tiến)
  EXEMPLARY_MODEL_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning:
      'No exemplary model (published story) has this id, or it is not published and the reader is not the office.',
    message: 'Không tìm thấy gương điển hình',
  },
  EXEMPLARY_MODEL_EXISTS: {
    kind: 'CONFLICT',
    meaning: 'An exemplary model with this id already exists.',
    message: 'Gương điển hình này đã có',
  },
  CONSENT_REQUIRED: {
    kind: 'INVALID_STATE',
    meaning: 'Publishing a story whose person (or collective) has not consented, or withdrew consent.',
    message: 'Chưa ghi nhận sự đồng ý của người được nêu gương: không được công bố',
  },
  AWARD_REVOKED_FOR_MODEL: {
    kind: 'INVALID_STATE',
    meaning: 'Writing or publishing a story about an award that was revoked.',
    message: 'Khen thưởng liên quan đã bị hủy bỏ: không nêu gương',
  },
  AWARD_NOT_IN_REGISTRY: { kind: 'VALIDATION', meaning: 'A story naming a nomination that has no signed award.' },
  EXEMPLARY_MODEL_FIELD: { kind: 'VALIDATION', meaning: 'A story with an empty title or text.' },

  // Statistics and reports
  ANNUAL_REPORT_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    meaning:
      'The province’s year-end report is read by those who read every nomination (office, council, Chairman, inspector).',
    message: 'Chỉ Ban Thi đua – Khen thưởng, Hội đồng, Chủ tịch và thanh tra xem báo cáo tổng kết toàn tỉnh',
  },
  EXPORT_TOO_LARGE: {
    kind: 'VALIDATION',
    meaning: 'A registry export beyond the row limit of one workbook: narrow it (year, award, unit).',
  },

  // Dossiers, the office's check and list commands (issue 12)
  OFFICE_CHECK_RESULT: { kind: 'VALIDATION', meaning: 'An office check result other than complete, incomplete.' },
  MISSING_ITEMS: { kind: 'VALIDATION', meaning: 'Too many missing items, or one too long, in an incomplete check.' },
  SUBMISSION_NUMBER: { kind: 'VALIDATION', meaning: 'A submission (tờ trình) without its number.' },
  SUBMISSION_DATE: { kind: 'VALIDATION', meaning: 'A submission date not written YYYY-MM-DD.' },
  DOCUMENT_TYPE: {
    kind: 'VALIDATION',
    meaning: 'A document type the catalog does not list for this award form.',
  },
  DOCUMENT_CONTENT_NOT_ALLOWED: {
    kind: 'VALIDATION',
    meaning: 'The uploaded bytes are not PDF, DOCX, JPEG or PNG (checked by content, whatever the file name says).',
  },
  DOCUMENT_TOO_LARGE: { kind: 'VALIDATION', meaning: 'A document larger than the configured limit.' },
  DOCUMENT_EMPTY: { kind: 'VALIDATION', meaning: 'An upload without a file.', message: 'Chưa chọn tệp tài liệu' },
  DOCUMENT_NOT_FOUND: {
    kind: 'NOT_FOUND',
    meaning: 'The nomination has no document with this hash (or the reader may not see the nomination).',
    message: 'Không tìm thấy tài liệu này trong hồ sơ',
  },
  DOCUMENT_INTEGRITY: {
    kind: 'CONFLICT',
    meaning: 'The stored bytes no longer hash to the document’s SHA-256: altered or damaged in storage; never served.',
    message: 'Tệp tài liệu đã bị thay đổi hoặc hư hỏng trong kho lưu trữ (mã băm không khớp): không cung cấp tệp này',
  },
  DOSSIER_CLOSED: {
    kind: 'INVALID_STATE',
    meaning: 'Documents are added while the unit drafts the nomination or after it was returned.',
    message: 'Chỉ bổ sung tài liệu khi hồ sơ đang lập hoặc bị trả lại để bổ sung',
  },
  LIST_EMPTY: { kind: 'VALIDATION', meaning: 'A list command without items.', message: 'Danh sách không có hồ sơ nào' },
  LIST_TOO_LONG: { kind: 'VALIDATION', meaning: 'A list command with more items than allowed in one request.' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The codes of one kind: `invalid('ON_HOLD', …)` does not compile. */
export type ErrorCodeOf<K extends DomainErrorKind> = {
  [C in ErrorCode]: (typeof ERROR_CATALOGUE)[C]['kind'] extends K ? C : never;
}[ErrorCode];

import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  domainError,
  forbidden,
  hasRole,
  mayReadPublicComments,
  maySeeCommenterContact,
  nominationDecider,
  nominationNotFound,
  nominationStreamName,
  roleLabel,
  type Actor,
  type CommentResolution,
  type NominationEvent,
  type NominationState,
} from '@tdkt/domain';
import { loadStream } from '@tdkt/event-store';
import { listOpenNotices } from '@tdkt/projections';
import { loadNotice, noticeOf, publishNotice, receiveComment, resolveComment } from '@tdkt/temporal';
import type { ApiRuntime } from '../api-runtime';
import { API_RUNTIME } from '../tokens';
import { ReadYourWrites } from '../nominations/read-your-writes';
import { CommentRateLimiter } from './comment-rate-limiter';
import type { CommentResolutionDto, PublicCommentDto, PublishNoticeDto } from './public-notices.dto';

const RESOLUTION: Record<CommentResolutionDto['resolution'], CommentResolution> = {
  dismissed: 'DISMISSED',
  held: 'HELD',
  returned: 'RETURNED',
};

/**
 * Public notices (công khai): the office publishes, anyone comments (no sign-in, limited per
 * address), the office resolves. The rules are the notice decider's (libs/domain/src/public-notice);
 * the council's gate reads the notice in the workflows' activities.
 */
@Injectable()
export class PublicNoticesService {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
    private readonly limiter: CommentRateLimiter,
  ) {}

  private secretary(actor: Actor) {
    if (!hasRole(actor, 'COUNCIL_SECRETARY'))
      throw forbidden('ROLE_REQUIRED', `Thao tác này cần vai trò ${roleLabel('COUNCIL_SECRETARY')}`);
  }

  async publish(actor: Actor, body: PublishNoticeDto) {
    this.secretary(actor);
    const id = randomUUID();
    const { position } = await publishNotice(this.runtime.store, {
      noticeId: id,
      actor,
      now: new Date().toISOString(),
      title: body.title,
      ...(body.startDate !== undefined ? { startDate: body.startDate } : {}),
      nominationIds: body.nominationIds,
      unit: this.runtime.config.stageTimeUnit,
      catalog: this.runtime.catalog,
    });
    await this.ryw.reach(position);
    const notice = await loadNotice(this.runtime.store, id);
    if (notice.status === 'NONE') throw domainError('NOTICE_NOT_FOUND');
    return { id, startsAt: notice.startsAt, endsAt: notice.endsAt, workingDays: notice.workingDays };
  }

  listOpen() {
    return listOpenNotices(this.runtime.readDb, new Date().toISOString());
  }

  async comments(actor: Actor, noticeId: string) {
    if (!mayReadPublicComments(actor)) throw domainError('PUBLIC_COMMENTS_NOT_ALLOWED');
    const notice = await loadNotice(this.runtime.store, noticeId);
    if (notice.status === 'NONE') throw domainError('NOTICE_NOT_FOUND');
    const contact = maySeeCommenterContact(actor);
    return {
      id: notice.noticeId,
      title: notice.title,
      endsAt: notice.endsAt,
      comments: notice.comments.map(({ contact: c, resolution, ...rest }) => ({
        ...rest,
        ...(contact ? { contact: c } : {}),
        ...(resolution
          ? {
              resolution: {
                kind: resolution.kind,
                reason: resolution.reason,
                by: resolution.by.userId,
                at: resolution.at,
              },
            }
          : {}),
      })),
    };
  }

  async comment(noticeId: string, body: PublicCommentDto, address: string) {
    this.limiter.take(address);
    const commentId = randomUUID();
    await receiveComment(this.runtime.store, {
      noticeId,
      commentId,
      now: new Date().toISOString(),
      nominationId: body.nominationId,
      name: body.name,
      contact: body.contact,
      text: body.text,
    });
    return { commentId };
  }

  private async nomination(nominationId: string) {
    const { state } = await loadStream<NominationEvent, NominationState>(
      this.runtime.store,
      nominationStreamName(nominationId),
      nominationDecider,
    );
    if (state.status === 'NONE') throw nominationNotFound();
    return state;
  }

  /**
   * Resolves a comment. `held` puts the nomination on hold first (matter: complaint, the reason as
   * its comment) unless it already is; the comment is checked before, so a refused resolution
   * holds nothing.
   */
  async resolve(actor: Actor, nominationId: string, commentId: string, body: CommentResolutionDto) {
    this.secretary(actor);
    let state = await this.nomination(nominationId);
    const notice = await noticeOf(this.runtime.store, nominationId);
    const found = notice.status === 'NONE' ? undefined : notice.comments.find((c) => c.commentId === commentId);
    if (!found || found.nominationId !== nominationId) throw domainError('COMMENT_NOT_FOUND');
    if (found.resolution) throw domainError('COMMENT_ALREADY_RESOLVED');
    const resolution = RESOLUTION[body.resolution];
    if (resolution === 'HELD' && !state.onHold) {
      const held = await this.runtime.gateway.execute(
        nominationId,
        { type: 'PutOnHold', matter: 'COMPLAINT', comment: `Ý kiến góp ý khi công khai: ${body.reason}` },
        actor,
      );
      await this.ryw.reach(held.position);
      state = await this.nomination(nominationId);
    }
    const out = await resolveComment(this.runtime.store, {
      nominationId,
      commentId,
      actor,
      now: new Date().toISOString(),
      resolution,
      reason: body.reason,
      nomination: { status: state.status, onHold: state.onHold },
    });
    await this.ryw.reach(out.position);
    return { commentId, noticeId: out.noticeId, resolution };
  }
}

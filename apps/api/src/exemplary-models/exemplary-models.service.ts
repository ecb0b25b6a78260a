import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  domainError,
  exemplaryModelDecider,
  exemplaryModelStreamName,
  hasRole,
  type Actor,
  type ExemplaryModelCommand,
} from '@tdkt/domain';
import { deterministicEventId, handleCommand } from '@tdkt/event-store';
import {
  getExemplaryModel,
  listExemplaryModels,
  registryAwardOf,
  type ExemplaryModelView,
  type ListExemplaryModelsQuery,
  type Page,
} from '@tdkt/projections';
import type { ApiRuntime } from '../api-runtime';
import { ReadYourWrites } from '../nominations/read-your-writes';
import { API_RUNTIME } from '../tokens';

/** Who reads every story, unpublished ones and the consent records too: the office that writes them, the inspector. */
const mayReadAllStories = (actor: Actor | undefined) =>
  !!actor && (hasRole(actor, 'COUNCIL_SECRETARY') || hasRole(actor, 'AUDITOR'));

/** A story as the public site shows it: no consent record (personal data), no editorial history. */
export type PublicExemplaryModel = Omit<ExemplaryModelView, 'consent' | 'history'>;
const forPublic = ({ consent: _c, history: _h, ...story }: ExemplaryModelView): PublicExemplaryModel => story;

type CommandBody =
  | Omit<Extract<ExemplaryModelCommand, { type: 'ReviseExemplaryModel' }>, 'actor' | 'at' | 'modelId'>
  | Omit<Extract<ExemplaryModelCommand, { type: 'RecordConsent' }>, 'actor' | 'at' | 'modelId'>
  | Omit<Extract<ExemplaryModelCommand, { type: 'WithdrawConsent' }>, 'actor' | 'at' | 'modelId'>
  | Omit<Extract<ExemplaryModelCommand, { type: 'UnpublishExemplaryModel' }>, 'actor' | 'at' | 'modelId'>
  | { type: 'PublishExemplaryModel' };

/**
 * Exemplary models (gương điển hình tiên tiến): each story its own stream, written through the generic
 * load-decide-append core (no workflow: no timer, no long-running step); the read model answers reads.
 */
@Injectable()
export class ExemplaryModelsService {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly ryw: ReadYourWrites,
  ) {}

  async create(actor: Actor, body: { nominationId: string; title: string; text: string; photoUrl?: string }) {
    const modelId = randomUUID();
    const found = await registryAwardOf(this.runtime.readDb, body.nominationId);
    const content = { title: body.title, text: body.text, ...(body.photoUrl ? { photoUrl: body.photoUrl } : {}) };
    await this.execute({
      type: 'CreateExemplaryModel',
      actor,
      modelId,
      at: new Date().toISOString(),
      content,
      award: found?.award ?? null,
      awardRevoked: found?.revoked ?? false,
    });
    return this.get(actor, modelId);
  }

  async run(actor: Actor, modelId: string, body: CommandBody) {
    const at = new Date().toISOString();
    if (body.type === 'PublishExemplaryModel') {
      const current = await getExemplaryModel(this.runtime.readDb, modelId);
      const found = current ? await registryAwardOf(this.runtime.readDb, current.award.nominationId) : null;
      await this.execute({ type: body.type, actor, modelId, at, awardRevoked: found?.revoked ?? false });
    } else await this.execute({ ...body, actor, modelId, at } as ExemplaryModelCommand);
    return this.get(actor, modelId);
  }

  private async execute(command: ExemplaryModelCommand): Promise<void> {
    const stream = exemplaryModelStreamName(command.modelId);
    const commandId = randomUUID();
    const handled = await handleCommand(this.runtime.store, stream, exemplaryModelDecider, command, {
      envelope: (_e, i) => ({
        id: deterministicEventId(stream, commandId, String(i)),
        metadata: {
          actorId: command.actor.userId,
          actorRole: 'COUNCIL_SECRETARY',
          occurredAt: command.at,
          correlationId: commandId,
          schemaVersion: 1,
        },
      }),
      maxAttempts: 5,
    });
    await this.ryw.reach(handled.position);
  }

  async list(actor: Actor | undefined, query: Omit<ListExemplaryModelsQuery, 'publishedOnly'>) {
    const all = mayReadAllStories(actor);
    const page: Page<ExemplaryModelView> = await listExemplaryModels(this.runtime.readDb, {
      ...query,
      publishedOnly: !all,
    });
    return all ? page : { ...page, items: page.items.map(forPublic) };
  }

  /** A story; unpublished ones exist only for the office and the inspector (404 for everyone else). */
  async get(actor: Actor | undefined, modelId: string) {
    const story = await getExemplaryModel(this.runtime.readDb, modelId);
    if (!story) throw domainError('EXEMPLARY_MODEL_NOT_FOUND');
    if (mayReadAllStories(actor)) return story;
    if (story.status !== 'PUBLISHED') throw domainError('EXEMPLARY_MODEL_NOT_FOUND');
    return forPublic(story);
  }
}

import { ServiceError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Actor } from '@tdkt/domain';
import { NominationGateway, NominationServiceUnavailableError } from './nomination-gateway';
import { isTemporalUnavailable } from './temporal-unavailable';

/** A gRPC status error as grpc-js raises it (code, details, metadata). */
const grpc = (code: number, name: string, details: string) =>
  Object.assign(new Error(`${code} ${name}: ${details}`), { code, details, metadata: {} });

describe('isTemporalUnavailable', () => {
  it.each([
    [14, 'UNAVAILABLE', 'No connection established. Last error: connect ECONNREFUSED 127.0.0.1:7233'],
    [14, 'UNAVAILABLE', 'read ECONNRESET'],
    [4, 'DEADLINE_EXCEEDED', 'Deadline exceeded after 60.001s'],
    [1, 'CANCELLED', 'Call cancelled'],
    [8, 'RESOURCE_EXHAUSTED', 'namespace rate limit exceeded'],
    [10, 'ABORTED', 'Workflow Update was aborted.'],
    [
      13,
      'INTERNAL',
      'Received RST_STREAM with code 2 triggered by internal client error: Session closed with error code 2',
    ],
    [13, 'INTERNAL', 'Received RST_STREAM with code 0 (Call ended without gRPC status)'],
    [2, 'UNKNOWN', 'Stream removed'],
  ])('a server restart’s %i %s (%s) is unavailability', (code, name, details) => {
    expect(isTemporalUnavailable(grpc(code, name, details))).toBe(true);
  });

  it('looks through the SDK’s wrappers (ServiceError and causes)', () => {
    const cause = grpc(13, 'INTERNAL', 'Received RST_STREAM with code 2 (Internal server error)');
    expect(isTemporalUnavailable(new ServiceError('Failed to describe workflow', { cause }))).toBe(true);
  });

  it.each([
    [13, 'INTERNAL', 'grpc: error unmarshalling request: proto: cannot parse invalid wire-format data'],
    [3, 'INVALID_ARGUMENT', 'WorkflowId is not set on request.'],
    [5, 'NOT_FOUND', 'workflow execution not found'],
    [7, 'PERMISSION_DENIED', 'Request unauthorized.'],
  ])('a fault of the request (%i %s) is not', (code, name, details) => {
    expect(isTemporalUnavailable(grpc(code, name, details))).toBe(false);
  });

  it('an ordinary error is not', () => {
    expect(isTemporalUnavailable(new Error('read ECONNRESET'))).toBe(false);
    expect(isTemporalUnavailable(undefined)).toBe(false);
  });
});

describe('NominationGateway while the Temporal server restarts', () => {
  const actor: Actor = { id: 'thuky', roles: ['SECRETARY'] } as unknown as Actor;
  const intent = { type: 'OpenCouncilVoting' } as never;
  /** A client whose calls fail as given (each call to Temporal is one of these functions). */
  const clientFailing = (calls: { executeUpdate: () => Promise<never>; describe: () => Promise<never> }) =>
    ({
      withDeadline: <T>(_deadline: number, fn: () => Promise<T>) => fn(),
      workflow: { getHandle: () => calls },
    }) as unknown as Client;
  const gateway = (client: Client) =>
    new NominationGateway(client, { taskQueue: 'q', workflowArgs: {} as never, commandTimeoutMs: 1_000 });

  it('a connection reset under the Update is a NominationServiceUnavailableError (503), not the raw gRPC error', async () => {
    const reset = grpc(
      13,
      'INTERNAL',
      'Received RST_STREAM with code 2 triggered by internal client error: read ECONNRESET',
    );
    const client = clientFailing({
      executeUpdate: () => Promise.reject(new ServiceError('Update failed', { cause: reset })),
      describe: () => Promise.reject(new Error('not asked')),
    });
    await expect(gateway(client).execute('n-1', intent, actor)).rejects.toBeInstanceOf(
      NominationServiceUnavailableError,
    );
  });

  it('when asking why an Update failed finds the server gone, that is a 503 too', async () => {
    const client = clientFailing({
      executeUpdate: () => Promise.reject(new Error('Update could not be delivered')),
      describe: () =>
        Promise.reject(
          new ServiceError('Failed to describe workflow', { cause: grpc(14, 'UNAVAILABLE', 'Connection dropped') }),
        ),
    });
    const error = await gateway(client)
      .execute('n-1', intent, actor)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NominationServiceUnavailableError);
    expect((error as NominationServiceUnavailableError).operation).toBe('command');
  });

  it('a nomination that does not exist is still a 404, not an unavailability', async () => {
    const client = clientFailing({
      executeUpdate: () => Promise.reject(new WorkflowNotFoundError('not found', 'nomination-n-1', undefined)),
      describe: () => Promise.reject(new WorkflowNotFoundError('not found', 'nomination-n-1', undefined)),
    });
    await expect(gateway(client).execute('n-1', intent, actor)).rejects.toMatchObject({ code: 'NOMINATION_NOT_FOUND' });
  });
});

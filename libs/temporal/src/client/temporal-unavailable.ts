/**
 * Which failures of a call to Temporal mean "Temporal cannot answer now" (down, restarting,
 * overloaded, our deadline ran out) rather than a fault of the request. Around a server restart
 * grpc-js surfaces more than UNAVAILABLE once the SDK's own retries are spent: a connection reset
 * mid-call as INTERNAL "Received RST_STREAM …" or UNKNOWN "Stream removed", a dropped stream as
 * CANCELLED, a server still warming up as RESOURCE_EXHAUSTED or ABORTED. All of them are a 503 to
 * the API's callers (try again later), never a 500.
 */
import { WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError } from '@temporalio/client';

/** gRPC status codes (@grpc/grpc-js `status`), named here so the list reads. */
const CANCELLED = 1;
const UNKNOWN = 2;
const DEADLINE_EXCEEDED = 4;
const RESOURCE_EXHAUSTED = 8;
const ABORTED = 10;
const INTERNAL = 13;
const UNAVAILABLE = 14;

/** Always transient: the server is unreachable, busy, or did not answer within our deadline. */
const TRANSIENT = new Set([CANCELLED, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, UNAVAILABLE]);

/**
 * INTERNAL and UNKNOWN are also what a bad request or a server bug gives; only a transport failure
 * (the connection went away under the call) is transient — told apart by grpc-js's own wording.
 */
const TRANSPORT_FAILURE =
  /RST_STREAM|Call ended without gRPC status|Stream removed|Connection dropped|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up|GOAWAY|Session closed/i;

/** A gRPC status error that means Temporal cannot answer now. */
function isTransientStatus(e: unknown): boolean {
  if (!isGrpcServiceError(e)) return false;
  if (TRANSIENT.has(e.code)) return true;
  return (e.code === INTERNAL || e.code === UNKNOWN) && TRANSPORT_FAILURE.test(`${e.details} ${e.message}`);
}

/** True when Temporal could not answer (possibly wrapped by the SDK: ServiceError, Update errors, causes). */
export function isTemporalUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 6; depth++) {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isTransientStatus(e)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

// Violates workflows-are-sandboxed: workflow code may not use the Temporal client.
import { Connection } from '@temporalio/client';

export const connect = () => Connection.connect();

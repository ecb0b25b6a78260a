// Violates temporal-contract-is-pure: the contract is bundled into workflows, so no client here.
import { Client } from '@temporalio/client';

export type AnyClient = Client;
export const make = () => new Client();

// Nothing global to stop: each workflow test file starts and tears down its own dev server.
export default async function globalTeardown(): Promise<void> {}

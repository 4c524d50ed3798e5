// Pattern 3, part 2: globalTeardown runs in the same process as globalSetup and stops the container.
// eslint-disable-next-line no-restricted-syntax -- Jest loads globalTeardown from the default export
export default async function globalTeardown(): Promise<void> {
  await globalThis.sharedRedis?.stop();
}

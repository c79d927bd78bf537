/**
 * Runs `shutdown` once on SIGINT or SIGTERM, then exits. A second signal exits at once,
 * so a stuck drain can always be interrupted.
 */
export function onShutdown(shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130);
    stopping = true;
    shutdown()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`shutdown after ${signal} failed: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

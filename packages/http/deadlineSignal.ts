import { setMaxListeners } from 'node:events';

/**
 * A signal aborted by the caller's signal, if any, or with a `TimeoutError` after `timeoutMs`, as
 * `AbortSignal.timeout` would be. Its timer is cleared by `done` once the work ends, so work that
 * finished in time leaves nothing behind: an `AbortSignal.timeout` would still fire later, building
 * a `DOMException` and an abort event for every call.
 */
export function deadlineSignal(timeoutMs: number, caller?: AbortSignal): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  // One deadline is shared by every call of the work it bounds (a search's marketplaces, their pages
  // and attempts, each attempt's own deadline following it), and each call lets go of it when done.
  // Past Node's default of 10 listeners, every such signal would build a MaxListenersExceededWarning
  // (an Error with its stack) and write it to stderr, once per search, on the request's path.
  setMaxListeners(0, controller.signal);
  const onCallerAbort = () => controller.abort(caller!.reason);
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs);
  timer.unref();
  if (caller?.aborted) controller.abort(caller.reason);
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

import { ProviderError } from '../../errors.js';
import type { CallInterceptor } from './intercept.js';

/**
 * Aborts an attempt that takes longer than `timeoutMs` and turns it into a retryable `ProviderError`
 * (status null). The caller's own abort is passed through unchanged.
 */
export function timeoutInterceptor(timeoutMs: number): CallInterceptor {
  return async (call, context) => {
    const controller = new AbortController();
    const signal = context.signal ? AbortSignal.any([context.signal, controller.signal]) : controller.signal;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new ProviderError(`${context.provider} request timed out after ${timeoutMs} ms`, {
          provider: context.provider,
          retryable: true,
        });
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      return await Promise.race([call(signal), timedOut]);
    } catch (error) {
      if (controller.signal.aborted && !context.signal?.aborted) throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
      // The losing branch of the race must not become an unhandled rejection.
      timedOut.catch(() => undefined);
    }
  };
}

// Azure Blob Storage for the run (the trading lease, the audit trail): the one place a BlobServiceClient is built,
// with the run's TokenCredential (scope https://storage.azure.com/.default), bounded retries and the TLS of an
// emulator; and the two helpers every store needs (an error's HTTP status, a download's text). Imported lazily by
// the stores' callers, so that a run that uses no storage never loads @azure/storage-blob.
import type { TokenCredential } from '@azure/core-auth';
import type { PipelineRequest } from '@azure/core-rest-pipeline';
import { BlobServiceClient, type StorageRetryOptions } from '@azure/storage-blob';
import { retryAfterMs } from './aca.js';

/** The storage scope the run's credential is asked for. */
export const STORAGE_SCOPE = 'https://storage.azure.com/.default';

/**
 * A few quick retries, each try bounded (the `timeout` the service honours: Azure answers 500 OperationTimedOut
 * rather than work on), so that one stuck request cannot outlast a caller's own deadline (the SDK's default waits
 * 4 s between tries, up to 2 min). The SDK's policy tries again on 500 and 503 (InternalError, OperationTimedOut,
 * ServerBusy: how Azure Storage throttles) and on a reset or refused connection; 429 is tried again by
 * throttleRetry below.
 */
const DEFAULT_RETRY: StorageRetryOptions = {
  maxTries: 3,
  tryTimeoutInMs: 10_000,
  retryDelayInMs: 200,
  maxRetryDelayInMs: 2_000,
};

export interface BlobServiceOptions {
  /** TLS of the storage requests, e.g. the CA of an emulator (the simulator's Azurite). */
  tlsOptions?: PipelineRequest['tlsSettings'];
  /** The SDK's retry policy, over the default (3 tries of at most 10 s); its tries and delays bound 429's too. */
  retry?: StorageRetryOptions;
  /** The caller's deadline (ms since the epoch): a 429 is not waited on past it. */
  deadline?: number;
}

/** What throttleDelay weighs: the answer, which try it was (1-based), the clock and the bounds. */
export interface Throttled {
  status: number;
  retryAfter?: string;
  attempt: number;
  now: number;
  deadline?: number;
  maxTries: number;
  retryDelayInMs: number;
  maxRetryDelayInMs: number;
}

/**
 * The wait before a throttled operation (429 Too Many Requests, which the storage SDK's policy hands back untried) is
 * called again, or undefined: not throttled, or no try left, or the wait would end past the deadline. The wait is
 * the answer's Retry-After, else the retry options' exponential delay; never more than maxRetryDelayInMs. Pure.
 */
export function throttleDelay(t: Throttled): number | undefined {
  if (t.status !== 429 || t.attempt >= t.maxTries) return undefined;
  const backoff = t.retryDelayInMs * 2 ** (t.attempt - 1);
  const wait = Math.min(retryAfterMs(t.retryAfter, t.now) ?? backoff, t.maxRetryDelayInMs);
  if (t.deadline !== undefined && t.now + wait > t.deadline) return undefined;
  return wait;
}

/**
 * Calls a storage operation again while it fails throttled and throttleDelay allows: a 429 reaches the caller
 * untried through the SDK's own policy (which tries 500 and 503 again). The retry options' tries and delays (over the
 * default) and the caller's deadline bound it. A 429 was not served: sending the operation again writes nothing twice.
 */
export function throttleRetry(options: BlobServiceOptions = {}): <T>(op: () => Promise<T>) => Promise<T> {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const bounds = {
    maxTries: retry.maxTries ?? 1,
    retryDelayInMs: retry.retryDelayInMs ?? 0,
    maxRetryDelayInMs: retry.maxRetryDelayInMs ?? 0,
    ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
  };
  return async (op) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await op();
      } catch (error) {
        const retryAfter = (
          error as { response?: { headers?: { get(name: string): string | undefined } } }
        ).response?.headers?.get('retry-after');
        const wait = throttleDelay({
          ...bounds,
          status: statusOf(error) ?? 0,
          attempt,
          now: Date.now(),
          ...(retryAfter ? { retryAfter } : {}),
        });
        if (wait === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };
}

export function blobService(
  serviceUrl: string,
  credential: TokenCredential,
  options: BlobServiceOptions = {},
): BlobServiceClient {
  return new BlobServiceClient(serviceUrl, credential, {
    audience: STORAGE_SCOPE,
    retryOptions: { ...DEFAULT_RETRY, ...options.retry },
    // Passed on to the core pipeline (createPipelineFromOptions adds its TLS policy); the storage options' type
    // does not list it.
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
  } as ConstructorParameters<typeof BlobServiceClient>[2]);
}

/** The HTTP status of a storage SDK error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const s = (error as { statusCode?: unknown }).statusCode;
  return typeof s === 'number' ? s : undefined;
}

/** The whole text of a download's body. */
export async function textOf(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

// Azure Blob Storage for the run (the trading lease, the audit trail): the one place a BlobServiceClient is built,
// with the run's TokenCredential (scope https://storage.azure.com/.default), bounded retries and the TLS of an
// emulator; and the two helpers every store needs (an error's HTTP status, a download's text). Imported lazily by
// the stores' callers, so that a run that uses no storage never loads @azure/storage-blob.
import type { TokenCredential } from '@azure/core-auth';
import type { PipelineRequest } from '@azure/core-rest-pipeline';
import { BlobServiceClient, type StorageRetryOptions } from '@azure/storage-blob';

/** The storage scope the run's credential is asked for. */
export const STORAGE_SCOPE = 'https://storage.azure.com/.default';

/**
 * A few quick retries, each try bounded, so that one stuck request cannot outlast a caller's own deadline (the
 * SDK's default waits without a per-try timeout).
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
  /** The SDK's retry policy, over the default (3 tries of at most 10 s). */
  retry?: StorageRetryOptions;
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

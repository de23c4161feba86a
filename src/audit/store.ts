// The audit trail's append blob on @azure/storage-blob with the run's TokenCredential (loaded only when `audit` is
// set). One record per change, none lost, none doubled, also when a run is killed and run again and when another
// writer appends meanwhile:
// 1. create the blob if missing (If-None-Match *; an existing blob is left alone),
// 2. read its length and its tail (the last TAIL_BYTES) and decide from the last records (appendDecision),
// 3. append the line with the append-position condition = the length read: the append lands only if nobody
//    appended since step 2 (else HTTP 412, and the run goes back to step 2 and decides again).
import type { TokenCredential } from '@azure/core-auth';
import { blobService, statusOf, textOf, type BlobServiceOptions } from '../azure/blob.js';
import {
  appendDecision,
  auditLine,
  parseAuditTail,
  type AppendDecision,
  type AuditRecord,
  type AuditSetting,
} from './record.js';

/** How much of the blob's end is read to find this run's earlier records (hundreds of records). */
export const TAIL_BYTES = 256 * 1024;
/** Appends lost to other writers before the run gives up. */
const MAX_RACES = 8;

export interface AuditStoreOptions extends BlobServiceOptions {
  /** Called between the tail's read and the conditional append (tests: another writer appends there). */
  betweenReadAndAppend?: () => Promise<void>;
}

export interface AuditStore {
  /** Appends the record unless the blob's last records say it is there (see appendDecision). */
  append(record: AuditRecord, changed: boolean): Promise<AppendDecision>;
  /** The last `n` records, oldest first. */
  last(n: number): Promise<AuditRecord[]>;
}

export function auditStore(
  setting: AuditSetting,
  credential: TokenCredential,
  options: AuditStoreOptions = {},
): AuditStore {
  const blob = blobService(setting.serviceUrl, credential, options)
    .getContainerClient(setting.container)
    .getAppendBlobClient(setting.blob);

  async function tail(): Promise<{ length: number; records: AuditRecord[] }> {
    let length: number;
    try {
      length = (await blob.getProperties()).contentLength ?? 0;
    } catch (error) {
      if (statusOf(error) === 404) return { length: -1, records: [] };
      throw error;
    }
    if (length === 0) return { length, records: [] };
    const offset = Math.max(0, length - TAIL_BYTES);
    const r = await blob.download(offset, length - offset);
    return { length, records: parseAuditTail(await textOf(r.readableStreamBody), offset === 0) };
  }

  return {
    async append(record, changed) {
      for (let race = 0; race < MAX_RACES; race++) {
        let { length, records } = await tail();
        if (length < 0) {
          try {
            await blob.create({
              conditions: { ifNoneMatch: '*' },
              blobHTTPHeaders: { blobContentType: 'application/x-ndjson' },
            });
          } catch (error) {
            if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error;
          }
          ({ length, records } = await tail());
        }
        const decision = appendDecision(records, record, changed);
        if (!decision.append) return decision;
        const line = auditLine(record);
        await options.betweenReadAndAppend?.();
        try {
          await blob.appendBlock(line, Buffer.byteLength(line), {
            conditions: { appendPosition: length },
          });
          return decision;
        } catch (error) {
          // 412 AppendPositionConditionNotMet: another writer appended since the tail was read; decide again.
          if (statusOf(error) !== 412) throw error;
        }
      }
      throw new Error(
        `The audit trail ${setting.url} kept changing under ${MAX_RACES} appends in a row; the record was not written`,
      );
    },
    async last(n) {
      const { records } = await tail();
      return records.slice(-n);
    },
  };
}

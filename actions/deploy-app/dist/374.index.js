export const id = 374;
export const ids = [374,121];
export const modules = {

/***/ 7374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   auditStore: () => (/* binding */ auditStore)
/* harmony export */ });
/* unused harmony export TAIL_BYTES */
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4778);
/* harmony import */ var _trading_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2121);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4733);



/** How much of the blob's end is read to find this run's earlier records (hundreds of records). */
const TAIL_BYTES = 256 * 1024;
/** Appends lost to other writers before the run gives up. */
const MAX_RACES = 8;
const statusOf = (error) => error.statusCode;
async function textOf(stream) {
    if (!stream)
        return '';
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
}
function auditStore(setting, credential, options = {}) {
    const service = new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .BlobServiceClient */ .wS(setting.serviceUrl, credential, {
        audience: _trading_store_js__WEBPACK_IMPORTED_MODULE_1__.STORAGE_SCOPE,
        retryOptions: { maxTries: 3, tryTimeoutInMs: 10_000, retryDelayInMs: 200, ...options.retry },
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
    });
    const blob = service.getContainerClient(setting.container).getAppendBlobClient(setting.blob);
    async function tail() {
        let length;
        try {
            length = (await blob.getProperties()).contentLength ?? 0;
        }
        catch (error) {
            if (statusOf(error) === 404)
                return { length: -1, records: [] };
            throw error;
        }
        if (length === 0)
            return { length, records: [] };
        const offset = Math.max(0, length - TAIL_BYTES);
        const r = await blob.download(offset, length - offset);
        return { length, records: (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .parseAuditTail */ .rR)(await textOf(r.readableStreamBody), offset === 0) };
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
                    }
                    catch (error) {
                        if (statusOf(error) !== 409 && statusOf(error) !== 412)
                            throw error;
                    }
                    ({ length, records } = await tail());
                }
                const decision = (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .appendDecision */ .rc)(records, record, changed);
                if (!decision.append)
                    return decision;
                const line = (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .auditLine */ .kk)(record);
                await options.betweenReadAndAppend?.();
                try {
                    await blob.appendBlock(line, Buffer.byteLength(line), {
                        conditions: { appendPosition: length },
                    });
                    return decision;
                }
                catch (error) {
                    // 412 AppendPositionConditionNotMet: another writer appended since the tail was read; decide again.
                    if (statusOf(error) !== 412)
                        throw error;
                }
            }
            throw new Error(`The audit trail ${setting.url} kept changing under ${MAX_RACES} appends in a row; the record was not written`);
        },
        async last(n) {
            const { records } = await tail();
            return records.slice(-n);
        },
    };
}


/***/ }),

/***/ 2121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_RETRY: () => (/* binding */ DEFAULT_RETRY),
  STORAGE_SCOPE: () => (/* binding */ STORAGE_SCOPE),
  leaseViewOf: () => (/* binding */ leaseViewOf),
  parseDesignation: () => (/* binding */ parseDesignation),
  tradingStore: () => (/* binding */ tradingStore)
});

// EXTERNAL MODULE: ./node_modules/@azure/storage-blob/dist/esm/index.js + 145 modules
var esm = __webpack_require__(4778);
;// CONCATENATED MODULE: ./src/trading/errors.ts
// The trading store's errors, apart from its SDK so that a run that only catches them never loads @azure/storage-blob.
/** A conditional designation write lost a race: another writer changed (or created) the blob since it was read. */
class DesignationConflictError extends Error {
    url;
    status;
    expected;
    constructor(url, status, expected) {
        super(expected === undefined
            ? `The trading designation ${url} was created by another writer meanwhile (HTTP ${status}); nothing was written`
            : `The trading designation ${url} changed since it was read (ETag ${expected}, HTTP ${status}); nothing was written`);
        this.url = url;
        this.status = status;
        this.expected = expected;
        this.name = 'DesignationConflictError';
    }
}

;// CONCATENATED MODULE: ./src/trading/store.ts


/** The storage scope the run's credential is asked for. */
const STORAGE_SCOPE = 'https://storage.azure.com/.default';
/**
 * The store's retries: a few quick ones, each try bounded, so that one stuck request cannot outlast the handover's
 * polls (the SDK's own default waits without a per-try timeout).
 */
const DEFAULT_RETRY = {
    maxTries: 3,
    tryTimeoutInMs: 10_000,
    retryDelayInMs: 200,
    maxRetryDelayInMs: 2_000,
};
const STATES = ['acquired', 'trading', 'refused', 'stopped'];
/** The lease view of a blob's properties (Azure's metadata keys are case-insensitive; read them so). Pure. */
function leaseViewOf(p) {
    const meta = {};
    for (const [k, v] of Object.entries(p.metadata ?? {}))
        meta[k.toLowerCase()] = v;
    const leaseState = p.leaseState ?? 'available';
    const view = {
        leaseState,
        leaseStatus: p.leaseStatus ?? 'unlocked',
        leased: leaseState === 'leased',
    };
    if (meta.holder)
        view.holder = meta.holder;
    if (meta.revision)
        view.revision = meta.revision;
    if (meta.epoch !== undefined && /^\d+$/.test(meta.epoch.trim()))
        view.epoch = Number(meta.epoch);
    if (STATES.includes(meta.state))
        view.state = meta.state;
    if (meta.code !== undefined && /^-?\d+$/.test(meta.code.trim()))
        view.code = Number(meta.code);
    if (meta.since)
        view.since = meta.since;
    return view;
}
/** The designation blob's JSON, or an error naming the blob and what it holds. Pure. */
function parseDesignation(url, text, etag) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        json = undefined;
    }
    const o = json;
    if (!o || typeof o.revision !== 'string' || !Number.isSafeInteger(o.epoch) || o.epoch < 0) {
        throw new Error(`The trading designation ${url} does not hold {"revision": "<revision>" or "", "epoch": <integer>}: ${text.slice(0, 200)}`);
    }
    return { revision: o.revision, epoch: o.epoch, etag };
}
async function textOf(stream) {
    if (!stream)
        return '';
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
}
function statusOf(error) {
    const s = error.statusCode;
    return typeof s === 'number' ? s : undefined;
}
function tradingStore(setting, credential, options = {}) {
    const service = new esm/* BlobServiceClient */.wS(setting.serviceUrl, credential, {
        audience: STORAGE_SCOPE,
        retryOptions: { ...DEFAULT_RETRY, ...options.retry },
        // Passed on to the core pipeline (createPipelineFromOptions adds its TLS policy); the storage options' type
        // does not list it.
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
    });
    const container = service.getContainerClient(setting.container);
    const designation = container.getBlockBlobClient(`${setting.prefix}/designation`);
    const lease = container.getBlockBlobClient(`${setting.prefix}/lease`);
    const designationUrl = `${setting.url}/designation`;
    return {
        async readDesignation() {
            try {
                // One GET: the body and the ETag of the same version.
                const r = await designation.download();
                return parseDesignation(designationUrl, await textOf(r.readableStreamBody), r.etag ?? '');
            }
            catch (error) {
                if (statusOf(error) === 404)
                    return undefined;
                throw error;
            }
        },
        async writeDesignation(next, etag) {
            const body = JSON.stringify({ revision: next.revision, epoch: next.epoch });
            try {
                const r = await designation.upload(body, Buffer.byteLength(body), {
                    conditions: etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag },
                    blobHTTPHeaders: { blobContentType: 'application/json' },
                });
                return { revision: next.revision, epoch: next.epoch, etag: r.etag ?? '' };
            }
            catch (error) {
                const status = statusOf(error);
                if (status === 412 || status === 409)
                    throw new DesignationConflictError(designationUrl, status, etag);
                throw error;
            }
        },
        async ensureLeaseBlob() {
            try {
                await lease.upload('', 0, { conditions: { ifNoneMatch: '*' } });
            }
            catch (error) {
                const status = statusOf(error);
                if (status === 409 || status === 412)
                    return;
                throw error;
            }
        },
        async readLease() {
            try {
                return leaseViewOf(await lease.getProperties());
            }
            catch (error) {
                if (statusOf(error) === 404)
                    return leaseViewOf({});
                throw error;
            }
        },
    };
}


/***/ })

};

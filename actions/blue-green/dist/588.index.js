export const id = 588;
export const ids = [588];
export const modules = {

/***/ 6796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ID: () => (/* binding */ throttleRetry),
/* harmony export */   Tz: () => (/* binding */ blobService),
/* harmony export */   b6: () => (/* binding */ textOf),
/* harmony export */   c2: () => (/* binding */ statusOf)
/* harmony export */ });
/* unused harmony exports STORAGE_SCOPE, throttleDelay */
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4778);
/* harmony import */ var _aca_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8792);


/** The storage scope the run's credential is asked for. */
const STORAGE_SCOPE = 'https://storage.azure.com/.default';
/**
 * A few quick retries, each try bounded (the `timeout` the service honours: Azure answers 500 OperationTimedOut
 * rather than work on), so that one stuck request cannot outlast a caller's own deadline (the SDK's default waits
 * 4 s between tries, up to 2 min). The SDK's policy tries again on 500 and 503 (InternalError, OperationTimedOut,
 * ServerBusy: how Azure Storage throttles) and on a reset or refused connection; 429 is tried again by
 * throttleRetry below.
 */
const DEFAULT_RETRY = {
    maxTries: 3,
    tryTimeoutInMs: 10_000,
    retryDelayInMs: 200,
    maxRetryDelayInMs: 2_000,
};
/**
 * The wait before a throttled operation (429 Too Many Requests, which the storage SDK's policy hands back untried) is
 * called again, or undefined: not throttled, or no try left, or the wait would end past the deadline. The wait is
 * the answer's Retry-After, else the retry options' exponential delay; never more than maxRetryDelayInMs. Pure.
 */
function throttleDelay(t) {
    if (t.status !== 429 || t.attempt >= t.maxTries)
        return undefined;
    const backoff = t.retryDelayInMs * 2 ** (t.attempt - 1);
    const wait = Math.min((0,_aca_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAfterMs */ .Vs)(t.retryAfter, t.now) ?? backoff, t.maxRetryDelayInMs);
    if (t.deadline !== undefined && t.now + wait > t.deadline)
        return undefined;
    return wait;
}
/**
 * Calls a storage operation again while it fails throttled and throttleDelay allows: a 429 reaches the caller
 * untried through the SDK's own policy (which tries 500 and 503 again). The retry options' tries and delays (over the
 * default) and the caller's deadline bound it. A 429 was not served: sending the operation again writes nothing twice.
 */
function throttleRetry(options = {}) {
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    const bounds = {
        maxTries: retry.maxTries ?? 1,
        retryDelayInMs: retry.retryDelayInMs ?? 0,
        maxRetryDelayInMs: retry.maxRetryDelayInMs ?? 0,
        ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
    };
    return async (op) => {
        for (let attempt = 1;; attempt++) {
            try {
                return await op();
            }
            catch (error) {
                const retryAfter = error.response?.headers?.get('retry-after');
                const wait = throttleDelay({
                    ...bounds,
                    status: statusOf(error) ?? 0,
                    attempt,
                    now: Date.now(),
                    ...(retryAfter ? { retryAfter } : {}),
                });
                if (wait === undefined)
                    throw error;
                await new Promise((resolve) => setTimeout(resolve, wait));
            }
        }
    };
}
function blobService(serviceUrl, credential, options = {}) {
    return new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .BlobServiceClient */ .wS(serviceUrl, credential, {
        audience: STORAGE_SCOPE,
        retryOptions: { ...DEFAULT_RETRY, ...options.retry },
        // Passed on to the core pipeline (createPipelineFromOptions adds its TLS policy); the storage options' type
        // does not list it.
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
    });
}
/** The HTTP status of a storage SDK error, if it has one. */
function statusOf(error) {
    const s = error.statusCode;
    return typeof s === 'number' ? s : undefined;
}
/** The whole text of a download's body. */
async function textOf(stream) {
    if (!stream)
        return '';
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
}


/***/ }),

/***/ 7588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isOwnWrite: () => (/* binding */ isOwnWrite),
/* harmony export */   leaseViewOf: () => (/* binding */ leaseViewOf),
/* harmony export */   parseDesignation: () => (/* binding */ parseDesignation),
/* harmony export */   tradingStore: () => (/* binding */ tradingStore)
/* harmony export */ });
/* harmony import */ var _azure_blob_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6796);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1746);


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
/**
 * Whether the designation found after a lost conditional write is that write itself (an SDK retry of a write that
 * had landed): the same revision and epoch. Another writer that wrote the very same pair reached the same state,
 * which this run may go on from as its own. Pure.
 */
function isOwnWrite(found, wrote) {
    return found.revision === wrote.revision && found.epoch === wrote.epoch;
}
function tradingStore(setting, credential, options = {}) {
    const container = (0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .blobService */ .Tz)(setting.serviceUrl, credential, options).getContainerClient(setting.container);
    const designation = container.getBlockBlobClient(`${setting.prefix}/designation`);
    const lease = container.getBlockBlobClient(`${setting.prefix}/lease`);
    const designationUrl = `${setting.url}/designation`;
    const call = (0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .throttleRetry */ .ID)(options);
    const store = {
        async readDesignation() {
            try {
                // One GET: the body and the ETag of the same version.
                const r = await call(() => designation.download());
                return parseDesignation(designationUrl, await (0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .textOf */ .b6)(r.readableStreamBody), r.etag ?? '');
            }
            catch (error) {
                if ((0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
                    return undefined;
                throw error;
            }
        },
        async writeDesignation(next, etag) {
            const body = JSON.stringify({ revision: next.revision, epoch: next.epoch });
            try {
                const r = await call(() => designation.upload(body, Buffer.byteLength(body), {
                    conditions: etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag },
                    blobHTTPHeaders: { blobContentType: 'application/json' },
                }));
                return { revision: next.revision, epoch: next.epoch, etag: r.etag ?? '' };
            }
            catch (error) {
                const status = (0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
                if (status !== 412 && status !== 409)
                    throw error;
                // The SDK retries a write whose answer was lost (a reset, a 500/503 after it landed): the retry's condition
                // then fails on our own write. Read the blob again: holding what we wrote, the write is ours.
                let found;
                try {
                    found = await store.readDesignation();
                }
                catch (readError) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DesignationConflictError */ .s(designationUrl, status, etag, undefined, { cause: readError });
                }
                if (found && isOwnWrite(found, next))
                    return found;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DesignationConflictError */ .s(designationUrl, status, etag, found);
            }
        },
        async ensureLeaseBlob() {
            try {
                await call(() => lease.upload('', 0, { conditions: { ifNoneMatch: '*' } }));
            }
            catch (error) {
                const status = (0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
                if (status === 409 || status === 412)
                    return;
                throw error;
            }
        },
        async readLease() {
            try {
                return leaseViewOf(await call(() => lease.getProperties()));
            }
            catch (error) {
                if ((0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
                    return leaseViewOf({});
                throw error;
            }
        },
    };
    return store;
}


/***/ })

};

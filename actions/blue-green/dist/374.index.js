export const id = 374;
export const ids = [374];
export const modules = {

/***/ 7374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   auditStore: () => (/* binding */ auditStore)
/* harmony export */ });
/* unused harmony export TAIL_BYTES */
/* harmony import */ var _azure_blob_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6796);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4733);


/** How much of the blob's end is read to find this run's earlier records (hundreds of records). */
const TAIL_BYTES = 256 * 1024;
/** Appends lost to other writers before the run gives up. */
const MAX_RACES = 8;
function auditStore(setting, credential, options = {}) {
    const blob = (0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .blobService */ .Tz)(setting.serviceUrl, credential, options)
        .getContainerClient(setting.container)
        .getAppendBlobClient(setting.blob);
    async function tail() {
        let length;
        try {
            length = (await blob.getProperties()).contentLength ?? 0;
        }
        catch (error) {
            if ((0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
                return { length: -1, records: [] };
            throw error;
        }
        if (length === 0)
            return { length, records: [] };
        const offset = Math.max(0, length - TAIL_BYTES);
        const r = await blob.download(offset, length - offset);
        return { length, records: (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAuditTail */ .rR)(await (0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .textOf */ .b6)(r.readableStreamBody), offset === 0) };
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
                        if ((0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) !== 409 && (0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) !== 412)
                            throw error;
                    }
                    ({ length, records } = await tail());
                }
                const decision = (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .appendDecision */ .rc)(records, record, changed);
                if (!decision.append)
                    return decision;
                const line = (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .auditLine */ .kk)(record);
                await options.betweenReadAndAppend?.();
                try {
                    await blob.appendBlock(line, Buffer.byteLength(line), {
                        conditions: { appendPosition: length },
                    });
                    return decision;
                }
                catch (error) {
                    // 412 AppendPositionConditionNotMet: another writer appended since the tail was read; decide again.
                    if ((0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) !== 412)
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


/***/ })

};

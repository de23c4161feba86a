export const id = 588;
export const ids = [588];
export const modules = {

/***/ 6796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tz: () => (/* binding */ blobService),
/* harmony export */   b6: () => (/* binding */ textOf),
/* harmony export */   c2: () => (/* binding */ statusOf)
/* harmony export */ });
/* unused harmony export STORAGE_SCOPE */
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4778);

/** The storage scope the run's credential is asked for. */
const STORAGE_SCOPE = 'https://storage.azure.com/.default';
/**
 * A few quick retries, each try bounded, so that one stuck request cannot outlast a caller's own deadline (the
 * SDK's default waits without a per-try timeout).
 */
const DEFAULT_RETRY = {
    maxTries: 3,
    tryTimeoutInMs: 10_000,
    retryDelayInMs: 200,
    maxRetryDelayInMs: 2_000,
};
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
function tradingStore(setting, credential, options = {}) {
    const container = (0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .blobService */ .Tz)(setting.serviceUrl, credential, options).getContainerClient(setting.container);
    const designation = container.getBlockBlobClient(`${setting.prefix}/designation`);
    const lease = container.getBlockBlobClient(`${setting.prefix}/lease`);
    const designationUrl = `${setting.url}/designation`;
    return {
        async readDesignation() {
            try {
                // One GET: the body and the ETag of the same version.
                const r = await designation.download();
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
                const r = await designation.upload(body, Buffer.byteLength(body), {
                    conditions: etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag },
                    blobHTTPHeaders: { blobContentType: 'application/json' },
                });
                return { revision: next.revision, epoch: next.epoch, etag: r.etag ?? '' };
            }
            catch (error) {
                const status = (0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
                if (status === 412 || status === 409)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DesignationConflictError */ .s(designationUrl, status, etag);
                throw error;
            }
        },
        async ensureLeaseBlob() {
            try {
                await lease.upload('', 0, { conditions: { ifNoneMatch: '*' } });
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
                return leaseViewOf(await lease.getProperties());
            }
            catch (error) {
                if ((0,_azure_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
                    return leaseViewOf({});
                throw error;
            }
        },
    };
}


/***/ })

};

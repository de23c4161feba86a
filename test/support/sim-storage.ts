// The simulator's storage as a suite meets it, set up and torn down by the suite's own beforeAll/afterAll:
// `useSimStorage`, Azurite alone behind the control plane (HTTPS with the simulator's CA, bearer tokens of its Entra
// through the run's credential) for the stores' tests; `useTradingLeaseSim`, the deploy simulator with storage and an
// app's trading lease, with the broker's live order log, for the trading lease's end-to-end suites. Call either at
// the top of a file or inside a describe (it then runs only when that describe does).
import { afterAll, beforeAll } from '@jest/globals';
import type { TokenCredential } from '@azure/core-auth';
import type { BlobServiceClient } from '@azure/storage-blob';
import { tradingReport } from '../../sim/trading-report.js';
import { blobService } from '../../src/azure/blob.js';
import { startControlPlaneSim, type ControlPlaneSim } from './control-plane-sim.js';
import { startDeploySim, type DeploySim } from './deploy-sim.js';
import { simAzure } from './sim-azure.js';

/** Filled by the suite's beforeAll: read its fields inside the tests, not when the file loads. */
export interface SimStorage {
  sim: ControlPlaneSim['sim'];
  /** The run's credential (the simulator's Entra). */
  credential: TokenCredential;
  /** A blob client that trusts the simulator's CA, with the run's credential. */
  service: BlobServiceClient;
  /** The client options a store needs to trust the simulator's CA. */
  tls: { tlsOptions: { ca: string } };
}

/** Starts the control plane with storage (no registry, no broker), creating `containers` before the tests. */
export function useSimStorage(containers: string[] = []): SimStorage {
  const storage = {} as SimStorage;
  let s: ControlPlaneSim | undefined;
  beforeAll(async () => {
    s = await startControlPlaneSim({ registry: false, storage: true, brokerLivePort: 0, brokerPaperPort: 0 });
    const tls = { tlsOptions: { ca: s.sim.ca } };
    const credential = simAzure(s.sim.env, s.sim.ca).credential;
    const service = blobService(s.sim.endpoints.storage as string, credential, tls);
    Object.assign(storage, { sim: s.sim, credential, service, tls });
    for (const name of containers) await service.getContainerClient(name).createIfNotExists();
  }, 60_000);
  afterAll(async () => s?.stop());
  return storage;
}

/** `t` and `lease` are filled by the suite's beforeAll, like SimStorage's fields. */
export interface TradingLeaseSim {
  t: DeploySim;
  /** The app's trading lease URL on the simulator's storage. */
  lease: string;
  /** The app's revision of a suffix. */
  rev(suffix: string): string;
  /** The broker's report of the live orders. */
  live(): ReturnType<typeof tradingReport>;
  /** The revision that traded live last. */
  lastTrader(): string | undefined;
}

/** The deploy simulator with storage (the sample agent's v1 and v2 images) and `app`'s trading lease. */
export function useTradingLeaseSim(app: string): TradingLeaseSim {
  const live = () => tradingReport(suite.t.sim.broker.orders({ kind: 'live' }), 'live');
  const suite = {
    rev: (suffix: string) => `${app}--${suffix}`,
    live,
    lastTrader: () => live().segments.at(-1)?.revision,
  } as TradingLeaseSim;
  beforeAll(async () => {
    suite.t = await startDeploySim({ storage: true, skipImages: ['v3', 'broken', 'degraded'] });
    suite.lease = suite.t.sim.tradingLeaseUrl(app);
  }, 600_000);
  afterAll(async () => {
    await suite.t?.stop();
  }, 120_000);
  return suite;
}

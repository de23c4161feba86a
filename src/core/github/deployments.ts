// GitHub deployments (pure): which status writes a production or preview event makes, given the deployments GitHub
// holds. The reporter (reporter.ts) reads the deployments and makes the writes; what each action records is in its
// feature (src/deploy/github.ts, src/bluegreen/github.ts). Every status carries log_url = the run.

export const PRODUCTION_ENVIRONMENT = 'production';

/** How many of an app's newest production deployments a promote or rollback reads the statuses of. */
export const PRODUCTION_SCAN = 10;

export type DeploymentState = 'queued' | 'in_progress' | 'success' | 'failure' | 'inactive' | 'error';

/** The environment of a pull request's preview. */
export function previewEnvironment(label: string): string {
  return `preview/${label}`;
}

export interface KnownDeployment {
  id: number;
  /** Statuses newest first, as GitHub lists them. */
  states: DeploymentState[];
}

/** One status write: to a deployment by id, or to the deployment this run creates ('new'). */
export interface StatusWrite {
  deployment: number | 'new';
  state: DeploymentState;
  environmentUrl?: string;
}

/** The deployment a run creates the first time a write needs 'new'. */
export interface NewDeployment {
  environment: string;
  ref: string;
  description: string;
  payload?: Record<string, string>;
  production: boolean;
}

export type ProductionEvent =
  | { kind: 'deployed' }
  /** deploy-app's revision carries production already (the first deploy): nothing is left to promote. */
  | { kind: 'serving'; appUrl: string }
  | { kind: 'deploy-failed' }
  | { kind: 'promoted'; appUrl: string }
  | { kind: 'promote-failed' }
  | { kind: 'rolled-back'; appUrl: string };

const PENDING: readonly DeploymentState[] = ['queued', 'in_progress'];

/**
 * The status writes of a production event, given the app's production deployments newest first. `deployed`
 * concerns the deployment deploy-app just created ('new'); promote the newest when it is pending (else a new one);
 * the active deployment is the newest whose latest status is success.
 */
export function productionWrites(
  event: ProductionEvent,
  deployments: readonly KnownDeployment[],
): StatusWrite[] {
  const newest = deployments[0];
  const pending = newest && PENDING.includes(newest.states[0]) ? newest.id : undefined;
  const active = deployments.find((d) => d.id !== pending && d.states[0] === 'success')?.id;
  const retire = (): StatusWrite[] =>
    active === undefined ? [] : [{ deployment: active, state: 'inactive' }];
  switch (event.kind) {
    case 'deployed':
      return [{ deployment: 'new', state: 'in_progress' }];
    case 'serving':
      return [...retire(), { deployment: 'new', state: 'success', environmentUrl: event.appUrl }];
    case 'deploy-failed':
      return [{ deployment: 'new', state: 'failure' }];
    case 'promoted':
      return [...retire(), { deployment: pending ?? 'new', state: 'success', environmentUrl: event.appUrl }];
    case 'promote-failed':
      return pending === undefined ? [] : [{ deployment: pending, state: 'failure' }];
    case 'rolled-back':
      return [...retire(), { deployment: 'new', state: 'success', environmentUrl: event.appUrl }];
  }
}

/** The status writes of a preview: in_progress then success/failure on this run's deployment; teardown: inactive. */
export function previewWrites(
  event: 'started' | 'up' | 'failed' | 'torn-down',
  deployments: readonly KnownDeployment[],
  labelUrl = '',
): StatusWrite[] {
  switch (event) {
    case 'started':
      return [{ deployment: 'new', state: 'in_progress' }];
    case 'up':
      return [{ deployment: 'new', state: 'success', environmentUrl: labelUrl }];
    case 'failed':
      return [{ deployment: 'new', state: 'failure' }];
    case 'torn-down':
      return deployments
        .filter((d) => d.states[0] !== 'inactive')
        .map((d) => ({ deployment: d.id, state: 'inactive' as const }));
  }
}

// The one executor of named steps (Argo Rollouts' shape): a run is a straight list of named steps over one context;
// each step's name is traced before it runs, and a failure goes to the run's one recovery path, whose answer is what
// the run throws. blue-green and deploy-app each list their own steps and their own recovery.

/** One named step of a run over the run's context. */
export interface Step<C, N extends string = string> {
  name: N;
  run(ctx: C): Promise<void>;
}

export interface StepHooks {
  /** Called with each step's name before it runs (the step debug log). */
  trace?: (name: string) => void;
  /** The one recovery path: given what failed, it restores what it must and returns the error the run throws. */
  recover: (error: unknown) => Promise<unknown>;
}

/** Runs each step in turn; the first failure goes to `recover`, and what it returns is thrown. */
export async function runSteps<C>(ctx: C, steps: Iterable<Step<C>>, hooks: StepHooks): Promise<void> {
  try {
    for (const step of steps) {
      hooks.trace?.(step.name);
      await step.run(ctx);
    }
  } catch (error) {
    throw await hooks.recover(error);
  }
}

// What a step tells its runner: file commands (GITHUB_OUTPUT, GITHUB_ENV: `name=value` lines and heredocs) and
// workflow commands in its log (`::add-mask::`, `::error file=a,line=1::message`, warnings, notices), with the
// runner's masking: a masked value is *** in the log, the annotations and the summary, and an output that holds
// one is dropped with the runner's warning.

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: Record<string, string>;
}

/** Parses a file-command file (GITHUB_OUTPUT, GITHUB_ENV): `name=value` lines and `name<<DELIMITER` heredocs. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq === -1 || line.indexOf('<<') < eq)) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        const l = lines[i].replace(/\r$/, '');
        if (l === delimiter) {
          closed = true;
          break;
        }
        body.push(l);
      }
      if (!closed) throw new Error(`file command '${name}': delimiter ${delimiter} never closed`);
      values[name] = body.join('\n');
    } else if (eq > 0) {
      values[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`file command: cannot parse line ${i + 1}: ${line}`);
    }
  }
  return values;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** A workflow command line (`::error file=a,line=1::message`), or undefined. */
export function parseWorkflowCommand(
  line: string,
): { command: string; properties: Record<string, string>; message: string } | undefined {
  const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line.trim());
  if (!m) return undefined;
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: m[1], properties, message: unescapeData(m[3]) };
}

/** Replaces every masked value with ***, longest first. */
export function maskText(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of [...secrets].filter((v) => v.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(s).join('***');
  }
  return out;
}

const LEVELS: ReadonlyArray<string> = ['error', 'warning', 'notice'];

/** The workflow commands of one step's log, line by line, as the runner reads them. */
export class StepCommands {
  private readonly masks = new Set<string>();
  readonly annotations: Annotation[];

  /** `warnings`: the runner's own warnings about the step, first. */
  constructor(warnings: string[] = []) {
    this.annotations = warnings.map((message) => ({ level: 'warning', message, properties: {} }));
  }

  /** One printed line: the line as the log shows it (masked), or undefined for an `::add-mask::`. */
  line(raw: string): string | undefined {
    const command = parseWorkflowCommand(raw);
    if (command?.command === 'add-mask') {
      this.masks.add(command.message);
      return undefined;
    }
    if (command && LEVELS.includes(command.command)) {
      this.annotations.push({
        level: command.command as Annotation['level'],
        message: this.mask(command.message),
        properties: command.properties,
      });
    }
    return this.mask(raw);
  }

  mask(text: string): string {
    return maskText(text, this.masks);
  }

  /** The step's outputs; one that holds a masked value is dropped with the runner's warning. */
  outputs(raw: Record<string, string>): { outputs: Record<string, string>; dropped: string[] } {
    const outputs: Record<string, string> = {};
    const dropped: string[] = [];
    for (const [name, value] of Object.entries(raw)) {
      if (this.mask(value) !== value) dropped.push(name);
      else outputs[name] = value;
    }
    for (const name of dropped) {
      this.annotations.push({
        level: 'warning',
        message: `Skip output '${name}' since it may contain secret.`,
        properties: {},
      });
    }
    return { outputs, dropped };
  }

  /** `::error::` messages, in order. */
  errors(): string[] {
    return this.annotations.filter((a) => a.level === 'error').map((a) => a.message);
  }
}

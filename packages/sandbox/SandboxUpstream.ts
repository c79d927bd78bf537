import type { Server } from 'node:http';
import type { Logger } from '../log/index.js';
import type { Fault } from './faults.js';

/** What every sandbox upstream module exports, so one registry can start any of them. */
export interface SandboxUpstream {
  /** The upstream's id, also its id in the API and in `SANDBOX_FAULTS`. */
  readonly id: string;
  /** What it stands in for, for people reading logs and READMEs. */
  readonly description: string;
  readonly defaultPort: number;
  /**
   * What a client needs in its environment to call this sandbox besides its URL (the credentials a
   * marketplace that joined by configuration issued): the stack and the tests pass them to every
   * service, as they pass `<ID>_URL`.
   */
  readonly clientEnvironment?: Readonly<Record<string, string>>;
  create(options: { logger: Logger; fault?: Fault | undefined }): Server;
}

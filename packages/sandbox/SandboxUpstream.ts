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
  create(options: { logger: Logger; fault?: Fault | undefined }): Server;
}

/** Starts the embedded demo cluster (the emulator, with its controller and traffic generator). */
import type { RunningEmulator } from '../emulator/api';
import { startEmulator } from '../emulator';

export function startDemoCluster(): Promise<RunningEmulator> {
  const port = process.env.GATEWATCH_DEMO_PORT ? Number(process.env.GATEWATCH_DEMO_PORT) : 0;
  return startEmulator({ port, traffic: true, log: (line) => console.error(`[demo cluster] ${line}`) });
}

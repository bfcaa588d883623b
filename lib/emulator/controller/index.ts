// PLACEHOLDER until the demo controller lands: same signature, does nothing yet.
import type { EmulatorStore } from '../api';

/** Plays the GatewayClasses' controllers: recomputes and writes status on every change. Returns stop(). */
export function attachDemoController(store: EmulatorStore): () => void {
  void store;
  return () => {};
}

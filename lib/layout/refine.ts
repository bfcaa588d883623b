/**
 * Which positions to draw when a layout answer arrives (the quick one, then ELK's), given what is on
 * screen. Under the same filters a structural change is a live update: nodes on screen keep their place.
 * A screen still showing a quick layout is provisional: ELK's picture replaces all of it.
 */
import type { LayoutInput, Positions } from './input';
import { stabilize } from './stabilize';

export interface OnScreen {
  positions: Positions;
  /** The positions are a quick layout still waiting for ELK's. */
  quick: boolean;
}

/** `liveUpdate`: same filters as the picture on screen (and not a forced re-layout). */
export function quickPositions(screen: OnScreen, liveUpdate: boolean, quick: Positions, input: LayoutInput): Positions {
  return liveUpdate ? stabilize(screen.positions, quick, input) : quick;
}

/**
 * Moves `fresh` as a whole so that, on average, nodes stay where `shown` drew them: the refined picture
 * lands on the quick one, and whatever the user was looking at (a centred node) stays in view.
 */
function alignTo(shown: Positions, fresh: Positions): Positions {
  let dx = 0;
  let dy = 0;
  let n = 0;
  for (const [id, p] of Object.entries(fresh)) {
    const q = shown[id];
    if (!q) continue;
    dx += q.x - p.x;
    dy += q.y - p.y;
    n++;
  }
  if (n === 0) return fresh;
  dx = Math.round(dx / n);
  dy = Math.round(dy / n);
  return Object.fromEntries(Object.entries(fresh).map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]));
}

/**
 * ELK's answer. `shown`: the quick positions drawn for this request (null if none were).
 * `refined`: ELK's picture replaced a quick one as a whole (so the extent may have changed).
 */
export function finalPositions(
  screen: OnScreen,
  liveUpdate: boolean,
  shown: Positions | null,
  fresh: Positions,
  input: LayoutInput,
): { positions: Positions; refined: boolean } {
  if (liveUpdate && !screen.quick) return { positions: stabilize(screen.positions, fresh, input), refined: false };
  const replaced = shown ?? (screen.quick ? screen.positions : null);
  return replaced ? { positions: alignTo(replaced, fresh), refined: true } : { positions: fresh, refined: false };
}

import type { TrackingLevel } from './ports.js';

/**
 * A vendor's tracking word as ours. A word we do not know yet (the vendor added a level) is
 * reported through `onUnknown` and read as `NONE`: never promise more tracking than we know of.
 */
export function readTrackingLevel(word: string, onUnknown: (word: string) => void): TrackingLevel {
  switch (word) {
    case 'NONE':
    case 'BASIC':
    case 'FULL':
      return word;
    default:
      onUnknown(word);
      return 'NONE';
  }
}

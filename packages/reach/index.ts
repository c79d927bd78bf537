export { COUNTED_REACH_KINDS, reachDay, type ReachCount, type ReachKind } from './ReachCount.js';
export { createReachCounter, type ReachCounter, type ReachCounterOptions } from './createReachCounter.js';
export { createReachSender, type ReachSender } from './createReachSender.js';

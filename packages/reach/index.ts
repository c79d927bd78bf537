export { reachDay, type ReachCount, type ReachKind } from './ReachCount.js';
export { createReachCounter, type ReachCounter, type ReachCounterOptions } from './createReachCounter.js';
export { createReachSender, REACH_CHUNK_SIZE, type ReachSender } from './createReachSender.js';
export { ReachNotSent } from './ReachNotSent.js';

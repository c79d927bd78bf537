import type { LaneResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { laneCustomsRules } from '../importCharges/laneCustomsRules.js';

/** The rules in force on a lane that insights shows, from its id alone (`CN-DE-6109`): the reference is the lane. */
export const Lane: LaneResolvers<Context> = {
  customsRules(lane, _args, context) {
    const [origin = '', destination = '', hs] = lane.id.split('-');
    return laneCustomsRules(context.rules, origin, destination, hs, new Date(`${context.today()}T00:00:00Z`));
  },
};

export { CompositionError, composeSupergraph, type ComposedSupergraph } from './composeSupergraph.js';

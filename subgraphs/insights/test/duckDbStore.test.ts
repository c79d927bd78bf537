import { createDuckDbStore } from '../src/store/createDuckDbStore.js';
import { defineTradeFlowRollupSuite } from './defineTradeFlowRollupSuite.js';
import { defineTradeFlowStoreSuite } from './defineTradeFlowStoreSuite.js';

const open = async () => {
  const store = await createDuckDbStore({ file: ':memory:' });
  return { store, dispose: () => store.close() };
};
defineTradeFlowStoreSuite('DuckDB', open);
defineTradeFlowRollupSuite('DuckDB', open);

import { createDuckDbStore } from '../src/store/createDuckDbStore.js';
import { defineTradeFlowStoreSuite } from './defineTradeFlowStoreSuite.js';

defineTradeFlowStoreSuite('DuckDB', async () => {
  const store = await createDuckDbStore({ file: ':memory:' });
  return { store, dispose: () => store.close() };
});

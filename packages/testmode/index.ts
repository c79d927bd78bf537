export { TEST_TRIGGERS, TEST_TRIGGER_HEADER, isTestTrigger, readTestTrigger, type TestTrigger } from './testTriggers.js';
export { testTriggerOfEmail } from './testTriggerOfEmail.js';

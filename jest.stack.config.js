/**
 * Tests of the production topology (proxy, two app instances, Redis, worker): run them with
 * `npm run test:stack` (scripts/stack-test.mjs starts the stack and says where it is).
 */
import e2e from './jest.e2e.config.js'

export default {
  ...e2e,
  displayName: 'stack',
  testMatch: ['<rootDir>/tests/stack/**/*.stack.ts'],
}

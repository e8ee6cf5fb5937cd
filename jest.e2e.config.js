/**
 * Browser and HTTP tests against a running production server: run them with `npm run test:e2e`
 * (scripts/e2e.mjs starts the server and sets E2E_BASE_URL).
 */
import base from './jest.config.js'

const [integration] = base.projects

export default {
  testTimeout: 120_000,
  displayName: 'e2e',
  extensionsToTreatAsEsm: integration.extensionsToTreatAsEsm,
  transform: integration.transform,
  moduleNameMapper: integration.moduleNameMapper,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
}

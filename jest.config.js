/** Two projects: integration tests on a real Payload + SQLite, component tests in jsdom. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
]

const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@payload-config$': '<rootDir>/payload.config.ts' },
}

export default {
  // Booting Payload on a shared 2-core machine can take a while: a global option in Jest.
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'integration',
      setupFiles: ['<rootDir>/tests/setup-env.ts'],
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/components/'],
    },
    {
      ...shared,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup-dom.ts'],
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        '\\.css$': '<rootDir>/tests/style-stub.ts',
        '^next/image$': '<rootDir>/tests/next-image-stub.tsx',
      },
    },
  ],
}

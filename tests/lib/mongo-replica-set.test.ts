import { describe, expect, it } from '@jest/globals'

import { assertReplicaSet, replicaSetProblem } from '../../lib/mongo-replica-set'

describe('replicaSetProblem', () => {
  it('accepts a replica set member reached with its set name', () => {
    expect(replicaSetProblem({ driverReplicaSet: 'rs0', hello: { setName: 'rs0' } })).toBeNull()
  })

  it('accepts a mongos router (sharded cluster) when the driver names a set', () => {
    expect(replicaSetProblem({ driverReplicaSet: 'rs0', hello: { msg: 'isdbgrid' } })).toBeNull()
  })

  it('refuses a standalone server: Payload would run without transactions', () => {
    expect(replicaSetProblem({ driverReplicaSet: undefined, hello: {} })).toMatch(
      /not a member of a replica set.*--replSet/,
    )
    // Even with a name in the URI, a standalone server cannot run transactions.
    expect(replicaSetProblem({ driverReplicaSet: 'rs0', hello: {} })).toMatch(
      /not a member of a replica set/,
    )
  })

  it('refuses a replica set reached without its name, and says which name to add', () => {
    expect(replicaSetProblem({ driverReplicaSet: undefined, hello: { setName: 'rs0' } })).toMatch(
      /Add \?replicaSet=rs0/,
    )
  })

  it('refuses a name that is not the server’s set', () => {
    expect(replicaSetProblem({ driverReplicaSet: 'rs1', hello: { setName: 'rs0' } })).toMatch(
      /"rs1".*"rs0"/,
    )
  })
})

describe('assertReplicaSet', () => {
  it('stops the start with a message naming DATABASE_URI', () => {
    expect(() => assertReplicaSet({ driverReplicaSet: undefined, hello: {} })).toThrow(
      /Invalid environment:\n {2}- DATABASE_URI: /,
    )
    expect(() =>
      assertReplicaSet({ driverReplicaSet: 'rs0', hello: { setName: 'rs0' } }),
    ).not.toThrow()
  })
})

/**
 * Payload's MongoDB adapter runs writes in transactions only when the driver knows a replica
 * set name (`replicaSet` in the URI, or the TXT record of a `mongodb+srv://` host); otherwise it
 * quietly turns transactions off (@payloadcms/db-mongodb, connect.js), and a failed save can
 * then leave half-written documents. Kiosque refuses to start in that state instead.
 */

/** What the server says of itself (the `hello` command's answer), narrowed to what we read. */
export type HelloAnswer = {
  setName?: string
  /** "isdbgrid" on a mongos router: a sharded cluster, whose shards are replica sets. */
  msg?: string
}

export type ReplicaSetFacts = {
  /** The replica set name the driver was given (URI `replicaSet`, or from a +srv TXT record). */
  driverReplicaSet: string | undefined
  hello: HelloAnswer
}

/** Why this MongoDB deployment cannot run Payload's transactions, or null when it can. */
export function replicaSetProblem({ driverReplicaSet, hello }: ReplicaSetFacts): string | null {
  const isRouter = hello.msg === 'isdbgrid'
  const serverSet = hello.setName
  if (!isRouter && !serverSet) {
    return 'this MongoDB server is not a member of a replica set, so Payload would run without transactions. Start mongod with --replSet and initiate the set (docker-compose.yml runs a one-node set), then add ?replicaSet=<name> to DATABASE_URI.'
  }
  if (!driverReplicaSet) {
    const name = serverSet ?? '<name>'
    return `DATABASE_URI names no replica set, so Payload would turn transactions off. Add ?replicaSet=${name} to it.`
  }
  if (serverSet && driverReplicaSet !== serverSet) {
    return `DATABASE_URI names the replica set "${driverReplicaSet}" but the server belongs to "${serverSet}".`
  }
  return null
}

/** Throws a start-up error naming DATABASE_URI when transactions would be off. */
export function assertReplicaSet(facts: ReplicaSetFacts): void {
  const problem = replicaSetProblem(facts)
  if (problem) throw new Error(`Invalid environment:\n  - DATABASE_URI: ${problem}`)
}

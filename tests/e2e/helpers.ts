/** What every e2e test needs: the server started by scripts/e2e.mjs and its demo accounts. */

export const BASE_URL = requiredEnv('E2E_BASE_URL')
export const SEED_PASSWORD = requiredEnv('E2E_SEED_PASSWORD')

export const DEMO = {
  admin: 'admin@kiosque.test',
  editor: 'editor@kiosque.test',
  journalist: 'journalist@kiosque.test',
  article: 'renault-anatomie-dun-come-back-premier-episode',
  series: 'renault-anatomie-dun-come-back',
  offer: 'prime-video-essai-30-jours',
} as const

function requiredEnv(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the e2e tests with \`npm run test:e2e\``)
  return value
}

export type Answer = { status: number; text: string; headers: Headers }

/** One HTTP request to the server, never following redirects. */
export async function get(
  pathname: string,
  init: RequestInit & { token?: string } = {},
): Promise<Answer> {
  const { token, ...rest } = init
  const headers = new Headers(rest.headers)
  if (token) headers.set('Authorization', `JWT ${token}`)
  if (typeof rest.body === 'string' && !headers.has('Content-Type'))
    headers.set('Content-Type', 'application/json')
  const send = () => fetch(new URL(pathname, BASE_URL), { ...rest, headers, redirect: 'manual' })
  let response: Response
  try {
    response = await send().catch((error: { cause?: { message?: string } }) => {
      // Node's fetch reuses idle keep-alive sockets; one the server has just closed fails
      // before anything is sent ("other side closed"). Try once more on a fresh socket.
      if (error.cause?.message === 'other side closed') return send()
      throw error
    })
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message
    throw new Error(`${rest.method ?? 'GET'} ${pathname}: ${cause ?? String(error)}`)
  }
  const buffer = Buffer.from(await response.arrayBuffer())
  return { status: response.status, text: buffer.toString('latin1'), headers: response.headers }
}

/** A JSON call to Payload's REST API; throws unless it succeeds. */
export async function api<T = Record<string, unknown>>(
  pathname: string,
  init: RequestInit & { token?: string } = {},
): Promise<T> {
  const answer = await get(pathname, init)
  if (answer.status >= 300) {
    throw new Error(
      `${init.method ?? 'GET'} ${pathname}: ${answer.status} ${answer.text.slice(0, 300)}`,
    )
  }
  return JSON.parse(Buffer.from(answer.text, 'latin1').toString('utf8')) as T
}

export async function login(email: string): Promise<{ token: string; id: number | string }> {
  const body = await api<{ token: string; user: { id: number | string } }>('/api/users/login', {
    method: 'POST',
    body: JSON.stringify({ email, password: SEED_PASSWORD }),
  })
  return { token: body.token, id: body.user.id }
}

/** Polls until `check` holds; returns the milliseconds it took, or throws after `timeoutMs`. */
export async function within(
  timeoutMs: number,
  check: () => Promise<boolean>,
  what: string,
): Promise<number> {
  const started = performance.now()
  for (;;) {
    if (await check()) return Math.round(performance.now() - started)
    if (performance.now() - started > timeoutMs)
      throw new Error(`${what}: not after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

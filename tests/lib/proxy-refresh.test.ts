/**
 * The refresh of a publication's pages through the caching proxy (lib/proxy-refresh.ts): which
 * pages a change names, and the request nginx receives (the readers' Host, the key, the path).
 * tests/stack/proxy-cookies.stack.ts checks nginx's side with deploy/nginx.conf.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'

import { parseEnv } from '../../lib/env'
import { pagesFor, refreshProxy } from '../../lib/proxy-refresh'

const KEY = 'k'.repeat(40)
const received: { url?: string; headers: IncomingHttpHeaders }[] = []
let proxy: Server
const siteUrl = process.env.SITE_URL

beforeAll(async () => {
  proxy = createServer((request, response) => {
    received.push({ url: request.url, headers: request.headers })
    response.statusCode = request.url === '/feed.xml' ? 503 : 200
    response.end('ok')
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const { port } = proxy.address() as { port: number }
  process.env.PROXY_REFRESH_URL = `http://127.0.0.1:${port}`
  process.env.PROXY_REFRESH_KEY = KEY
  process.env.SITE_URL = 'https://rouages.example'
})

afterAll(async () => {
  delete process.env.PROXY_REFRESH_URL
  delete process.env.PROXY_REFRESH_KEY
  if (siteUrl === undefined) delete process.env.SITE_URL
  else process.env.SITE_URL = siteUrl
  await new Promise((resolve) => proxy.close(resolve))
})

describe('the proxy refresh after a publication', () => {
  it('names the pages that show exactly what the tags name', () => {
    expect(pagesFor(['article:un-titre', 'articles', 'media'])).toEqual([
      '/articles/un-titre',
      '/',
      '/feed.xml',
      '/sitemap.xml',
      '/news-sitemap.xml',
    ])
    expect(pagesFor(['series:renault', 'series'])).toEqual(['/series/renault'])
    // Broad tags are left to the micro-cache.
    expect(pagesFor(['settings', 'media', 'users', 'affiliate-links', 'series'])).toEqual([])
  })

  it('asks the proxy for each page as a reader of SITE_URL would, with the key, twice', async () => {
    const logged: string[] = []
    await refreshProxy(['article:un-titre', 'articles'], (message) => logged.push(message), 10)
    const pages = ['/', '/articles/un-titre', '/feed.xml', '/news-sitemap.xml', '/sitemap.xml']
    expect(received.map((r) => r.url).sort()).toEqual([...pages, ...pages].sort())
    for (const request of received) {
      expect(request.headers.host).toBe('rouages.example')
      expect(request.headers['x-kiosque-refresh']).toBe(KEY)
    }
    // A failed refresh is logged, never thrown: readers then wait for the micro-cache.
    expect(logged).toEqual(['proxy refresh of /feed.xml: 503'])
  })

  it('is refused by the environment check with a short key or without its URL', () => {
    const base = { DATABASE_URI: 'file:./data/kiosque.db' }
    expect(() => parseEnv({ ...base, PROXY_REFRESH_KEY: KEY })).toThrow(/both .* or neither/)
    expect(() =>
      parseEnv({ ...base, PROXY_REFRESH_URL: 'http://proxy', PROXY_REFRESH_KEY: 'court' }),
    ).toThrow(/PROXY_REFRESH_KEY: must be 32 to 96/)
    expect(
      parseEnv({ ...base, PROXY_REFRESH_URL: 'http://proxy/', PROXY_REFRESH_KEY: KEY })
        .PROXY_REFRESH_URL,
    ).toBe('http://proxy')
  })
})

/**
 * Rules of deploy/nginx.conf that the app alone cannot exercise: nginx with the site's own
 * configuration, in front of a small upstream of this test.
 * - An answer that sets a cookie (no reader page of the app sets one today) is never stored, so
 *   one reader's cookie is never handed to another, while the same page without one is cached.
 * - A refresh with the app's key (lib/proxy-refresh.ts) fetches the page again and stores it;
 *   any other value of the header is an ordinary request; an empty key is refused at start.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { freePort } from '../../scripts/lib/server.mjs'
import { nginxMainConfig, renderTemplate } from '../../scripts/stack.mjs'

const dir = mkdtempSync(path.join(tmpdir(), 'kiosque-proxy-rules-'))
const KEY = 'cle-de-rafraichissement-0123456789abcdef'
const served = new Map<string, number>()
let upstream: Server
let nginx: ChildProcess
let proxyUrl: string

function site(port: number, upstreamPort: number, key: string) {
  return renderTemplate(readFileSync(path.resolve('deploy/nginx.conf'), 'utf8'), {
    KIOSQUE_LISTEN: `127.0.0.1:${port}`,
    KIOSQUE_UPSTREAMS: `server 127.0.0.1:${upstreamPort};`,
    KIOSQUE_CACHE_DIR: path.join(dir, 'cache'),
    KIOSQUE_REFRESH_KEY: key,
  })
}

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const url = request.url ?? '/'
    const count = (served.get(url) ?? 0) + 1
    served.set(url, count)
    if (url.startsWith('/articles/avec-cookie')) {
      response.setHeader('Set-Cookie', `visiteur=${count}; Path=/; HttpOnly`)
    }
    response.setHeader('Content-Type', 'text/html; charset=utf-8')
    response.end(`<p>réponse ${count}</p>`)
  })
  const upstreamPort = await freePort()
  await new Promise<void>((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve))

  const port = await freePort()
  proxyUrl = `http://127.0.0.1:${port}`
  for (const sub of ['cache', 'tmp']) {
    mkdirSync(path.join(dir, sub), { recursive: true })
    // Run as root, nginx's workers are `nobody`.
    chmodSync(path.join(dir, sub), 0o777)
  }
  chmodSync(dir, 0o755)
  writeFileSync(path.join(dir, 'kiosque.conf'), site(port, upstreamPort, KEY))
  writeFileSync(path.join(dir, 'nginx.conf'), nginxMainConfig(dir))
  nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: 'ignore',
  })
  const deadline = Date.now() + 10_000
  for (;;) {
    const up = await fetch(`${proxyUrl}/articles/essai-demarrage`).then(
      (answer) => answer.ok,
      () => false,
    )
    if (up) break
    if (Date.now() > deadline || nginx.exitCode !== null) throw new Error('nginx did not start')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
})

afterAll(async () => {
  nginx?.kill('SIGTERM')
  await new Promise((resolve) => upstream?.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

async function fetchPage(pathname: string, headers: Record<string, string> = {}) {
  const answer = await fetch(`${proxyUrl}${pathname}`, { headers })
  return { status: answer.headers.get('x-cache-status'), text: await answer.text() }
}

async function twice(pathname: string) {
  const answers = []
  for (let i = 0; i < 2; i++) {
    const answer = await fetch(`${proxyUrl}${pathname}`)
    answers.push({
      status: answer.headers.get('x-cache-status'),
      cookie: answer.headers.get('set-cookie'),
      text: await answer.text(),
    })
  }
  return answers
}

describe('the proxy and cookies set by the app', () => {
  it('caches the same kind of page when it sets no cookie', async () => {
    const [first, second] = await twice('/articles/sans-cookie')
    expect(first?.status).toBe('MISS')
    expect(second?.status).toBe('HIT')
    expect(served.get('/articles/sans-cookie')).toBe(1)
  })

  it('never stores an answer that sets a cookie, nor hands that cookie to another reader', async () => {
    const [first, second] = await twice('/articles/avec-cookie')
    expect(first?.status).toBe('MISS')
    expect(second?.status).not.toBe('HIT')
    expect(served.get('/articles/avec-cookie')).toBe(2)
    expect(first?.cookie).toContain('visiteur=1')
    expect(second?.cookie).toContain('visiteur=2')
    expect(second?.text).toContain('réponse 2')
  })
})

describe('the refresh of a publication’s pages', () => {
  it('fetches the page again for the app’s key and stores it for every reader', async () => {
    const page = '/articles/rafraichie'
    expect(await fetchPage(page)).toEqual({ status: 'MISS', text: '<p>réponse 1</p>' })
    expect(await fetchPage(page)).toEqual({ status: 'HIT', text: '<p>réponse 1</p>' })
    // Any other value is an ordinary request, served from the cache.
    // (nginx compares map strings regardless of case: KEY.toUpperCase() would refresh too.)
    for (const other of ['', 'une-autre-cle-de-meme-longueur-0123456789ab', `${KEY}x`]) {
      expect(await fetchPage(page, { 'X-Kiosque-Refresh': other })).toEqual({
        status: 'HIT',
        text: '<p>réponse 1</p>',
      })
    }
    expect(await fetchPage(page, { 'X-Kiosque-Refresh': KEY })).toEqual({
      status: 'BYPASS',
      text: '<p>réponse 2</p>',
    })
    // Stored by the refresh: the next reader gets the new page from the cache.
    expect(await fetchPage(page)).toEqual({ status: 'HIT', text: '<p>réponse 2</p>' })
    expect(served.get(page)).toBe(2)
  })

  it('refuses to start with an empty key, which would match every request', () => {
    const other = path.join(dir, 'vide')
    mkdirSync(other, { recursive: true })
    writeFileSync(path.join(other, 'kiosque.conf'), site(1, 2, ''))
    writeFileSync(path.join(other, 'nginx.conf'), nginxMainConfig(other))
    const check = spawnSync('nginx', ['-t', '-p', other, '-c', path.join(other, 'nginx.conf')], {
      encoding: 'utf8',
    })
    expect(check.status).not.toBe(0)
    expect(check.stderr).toMatch(/conflicting parameter ""|duplicate/)
  })
})

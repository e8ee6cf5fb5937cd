import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'

import {
  BASE_POLICY,
  baseHeaders,
  inlineScriptHashes,
  newNonce,
  readerPolicy,
} from '../../lib/security-headers.mjs'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/)
      return [name, values]
    }),
  )
}

describe('inlineScriptHashes', () => {
  it('hashes each executable inline script as the browser does, UTF-8 text between the tags', () => {
    const flight = 'self.__next_f.push([1,"Café « Rouages » \\u003c/script\\u003e"])'
    const html = `<html><head><script>(self.__next_f=self.__next_f||[]).push([0])</script></head>
      <body><script>${flight}</script><script type="module">import "/x.js"</script>
      <SCRIPT TYPE='text/javascript' nonce="abc">alert(1)</SCRIPT></body></html>`
    expect(inlineScriptHashes(html)).toEqual(
      [
        sha256('(self.__next_f=self.__next_f||[]).push([0])'),
        sha256(flight),
        sha256('import "/x.js"'),
        sha256('alert(1)'),
      ].sort(),
    )
  })

  it('skips external scripts and data blocks such as JSON-LD', () => {
    const html = `<script src="/_next/static/chunks/a.js" async=""></script>
      <script type="application/ld+json">{"@type":"NewsArticle"}</script>
      <script id="x" type="application/json">{}</script>`
    expect(inlineScriptHashes(html)).toEqual([])
  })

  it('lists a script repeated on the page once', () => {
    const html = '<script>a()</script><p></p><script>a()</script>'
    expect(inlineScriptHashes(html)).toEqual([sha256('a()')])
  })
})

describe('readerPolicy', () => {
  it('allows scripts from this origin and the given hashes only, never unsafe-inline or eval', () => {
    const policy = directives(readerPolicy({ scripts: [sha256('a()')] }))
    expect(policy.get('script-src')).toEqual(["'self'", sha256('a()')])
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'self'"])
    expect(policy.get('base-uri')).toEqual(["'self'"])
    expect(policy.get('form-action')).toEqual(["'self'"])
    expect(readerPolicy({ scripts: [] })).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
  })

  it('asks browsers to upgrade insecure requests on an https site only', () => {
    expect(readerPolicy({ scripts: [], siteUrl: 'https://rouages.fr' })).toMatch(
      /upgrade-insecure-requests/,
    )
    expect(readerPolicy({ scripts: [], siteUrl: 'http://localhost:3000' })).not.toMatch(
      /upgrade-insecure-requests/,
    )
  })
})

describe('newNonce', () => {
  it('is 128 random bits in base64, different on each call', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()))
    expect(nonces.size).toBe(50)
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
  })
})

describe('baseHeaders', () => {
  it('sets nosniff, the referrer and permissions policies and the framing rules', () => {
    const headers = baseHeaders({ production: false, siteUrl: 'http://localhost:3000' })
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\)/)
    expect(headers['X-Frame-Options']).toBe('SAMEORIGIN')
    expect(headers['Content-Security-Policy']).toBe(BASE_POLICY)
    expect(directives(BASE_POLICY).get('frame-ancestors')).toEqual(["'self'"])
  })

  it('sends HSTS in production over https only', () => {
    expect(
      baseHeaders({ production: true, siteUrl: 'https://rouages.fr' })['Strict-Transport-Security'],
    ).toBe('max-age=63072000; includeSubDomains')
    for (const options of [
      { production: true, siteUrl: 'http://127.0.0.1:3000' },
      { production: false, siteUrl: 'https://rouages.fr' },
      { production: true, siteUrl: 'not a url' },
      { production: true },
    ]) {
      expect(baseHeaders(options)['Strict-Transport-Security']).toBeUndefined()
    }
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import { PER_REQUEST_PAGES } from '../../proxy'

const FRONTEND = path.resolve('app/(frontend)')

/** Every page file of the reader site, with the path it answers (route groups left out). */
function pages(dir = FRONTEND): { route: string; source: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return pages(full)
    if (entry.name !== 'page.tsx') return []
    const segments = path
      .relative(FRONTEND, dir)
      .split(path.sep)
      .filter((segment) => segment && !segment.startsWith('('))
    return [{ route: `/${segments.join('/')}`, source: readFileSync(full, 'utf8') }]
  })
}

describe('the proxy’s list of pages rendered per request', () => {
  it('names every reader page that renders per request, so each gets a nonce policy', () => {
    const perRequest = pages()
      .filter((page) => /export const dynamic = 'force-dynamic'/.test(page.source))
      .map((page) => page.route)
    expect(perRequest.length).toBeGreaterThan(0)
    expect(perRequest.filter((route) => !PER_REQUEST_PAGES.has(route))).toEqual([])
    expect([...PER_REQUEST_PAGES].filter((route) => !perRequest.includes(route))).toEqual([])
  })
})

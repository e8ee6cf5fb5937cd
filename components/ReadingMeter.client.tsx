'use client'

import { useEffect, useState } from 'react'

import { METER_COOKIE, meterSentence, parseMeter, recordRead, serializeMeter } from '../lib/meter'

type Props = {
  publicationName: string
  /** The article being read, counted once; absent on pages that are not articles. */
  articleSlug?: string
}

function readCookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1)
}

/**
 * A small island: the page's HTML stays the same for every reader (and cacheable); the count
 * is read and written in the browser, in a cookie the server never looks at.
 */
export function ReadingMeter({ publicationName, articleSlug }: Props) {
  const [count, setCount] = useState<number | null>(null)

  useEffect(() => {
    const now = new Date()
    let state = parseMeter(readCookie(METER_COOKIE), now)
    if (articleSlug) state = recordRead(state, articleSlug)
    const secure = window.location.protocol === 'https:' ? '; Secure' : ''
    document.cookie = `${METER_COOKIE}=${serializeMeter(state)}; Path=/; Max-Age=${40 * 24 * 3600}; SameSite=Lax${secure}`
    // The count exists only in the browser: it is read after hydration by design.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCount(state.entries.length)
  }, [articleSlug])

  return (
    <aside className="meter" aria-label="Compteur de lecture">
      <p aria-live="polite">{count === null ? '\u00a0' : meterSentence(count, publicationName)}</p>
      <p className="meter-note">
        Ce compteur ne bloque jamais la lecture : nos articles restent ouverts à tous.
      </p>
    </aside>
  )
}

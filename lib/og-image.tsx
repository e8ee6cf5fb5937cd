/**
 * The 1200×630 social image of an article or a series (next/og): the title, the publication's
 * name and the hero or poster. Fonts come from an npm package read from disk and the picture
 * from the media folder: nothing is fetched at build or run time.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { ImageResponse } from 'next/og'

import { env } from './env'
import type { ImageView } from './views'

export const OG_SIZE = { width: 1200, height: 630 }

// From the working directory: the bundler must not try to resolve a computed module path.
const FONTS = path.join(process.cwd(), 'node_modules', '@fontsource', 'source-serif-4', 'files')

async function font(file: string) {
  return readFile(path.join(FONTS, file))
}

/** A stored picture as a data URI, or null when it is not a file of our media folder. */
async function embedded(image: ImageView | null): Promise<string | null> {
  if (!image) return null
  const name = decodeURIComponent(image.url.split('/').pop() ?? '')
  if (!/^[\w.-]+\.(png|jpe?g|webp)$/i.test(name) || !image.url.startsWith('/api/media/file/')) {
    return null
  }
  try {
    const data = await readFile(path.join(env().DATA_DIR, 'media', name))
    const type = name.endsWith('.png') ? 'png' : name.endsWith('.webp') ? 'webp' : 'jpeg'
    return `data:image/${type};base64,${data.toString('base64')}`
  } catch {
    return null
  }
}

type Card = { title: string; kicker: string; publicationName: string; image: ImageView | null }

export async function socialImage({ title, kicker, publicationName, image }: Card) {
  const [regular, bold, regularExt, boldExt, picture] = await Promise.all([
    font('source-serif-4-latin-400-normal.woff'),
    font('source-serif-4-latin-700-normal.woff'),
    font('source-serif-4-latin-ext-400-normal.woff'),
    font('source-serif-4-latin-ext-700-normal.woff'),
    embedded(image),
  ])
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        background: '#16181d',
        color: '#ffffff',
        fontFamily: 'Source Serif',
      }}
    >
      {picture ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={picture} alt="" width={420} height={630} style={{ objectFit: 'cover' }} />
      ) : null}
      <div
        style={{
          flex: 1,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '56px 60px',
          borderTop: '12px solid #b3261e',
        }}
      >
        <div style={{ fontSize: 28, color: '#f2b134' }}>{kicker}</div>
        <div style={{ fontSize: title.length > 70 ? 50 : 62, fontWeight: 700, lineHeight: 1.15 }}>
          {title}
        </div>
        <div style={{ fontSize: 30 }}>{publicationName}</div>
      </div>
    </div>,
    {
      ...OG_SIZE,
      fonts: [
        { name: 'Source Serif', data: regular, weight: 400, style: 'normal' },
        { name: 'Source Serif', data: bold, weight: 700, style: 'normal' },
        { name: 'Source Serif', data: regularExt, weight: 400, style: 'normal' },
        { name: 'Source Serif', data: boldExt, weight: 700, style: 'normal' },
      ],
    },
  )
}

import sharp from 'sharp'

/**
 * The demo pictures are drawn here rather than shipped or downloaded: abstract shapes only
 * (no text, so no font is needed), rendered to PNG by sharp.
 */
function svg(width: number, height: number, body: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`,
  )
}

/** A night road converging on a lit horizon: the come-back's long road, as a poster (2:3). */
export function posterSvg(): Buffer {
  const w = 1000
  const h = 1500
  return svg(
    w,
    h,
    `<defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
        <stop offset="0" stop-color="#0b1026"/><stop offset="0.55" stop-color="#3b1d4a"/>
        <stop offset="0.62" stop-color="#f2b134"/><stop offset="1" stop-color="#1a1a1a"/>
      </linearGradient>
    </defs>
    <rect width="${w}" height="${h}" fill="url(#sky)"/>
    <circle cx="500" cy="880" r="120" fill="#ffd36b" opacity="0.9"/>
    <polygon points="500,900 80,1500 920,1500" fill="#222"/>
    <polygon points="496,920 504,920 540,1500 460,1500" fill="#f5f5f5"/>
    <polygon points="500,720 590,870 500,1020 410,870" fill="none" stroke="#ffffff" stroke-width="18"/>`,
  )
}

/** An assembly line in perspective, for the review's hero image (16:9). */
export function heroSvg(): Buffer {
  const w = 1600
  const h = 900
  const bars = Array.from({ length: 9 }, (_, i) => {
    const x = 120 + i * 170
    return `<rect x="${x}" y="${260 + i * 12}" width="90" height="${380 - i * 24}" rx="8" fill="#f2b134" opacity="${0.45 + i * 0.06}"/>`
  }).join('')
  return svg(
    w,
    h,
    `<rect width="${w}" height="${h}" fill="#1d2430"/>
    <rect y="640" width="${w}" height="260" fill="#11161e"/>
    ${bars}
    <rect x="0" y="630" width="${w}" height="14" fill="#b3261e"/>`,
  )
}

/** The publication's mark: a cog (a "rouage") around a road, square, for search engines. */
export function logoSvg(): Buffer {
  const size = 512
  const teeth = Array.from({ length: 10 }, (_, i) => {
    const angle = i * 36
    return `<rect x="236" y="52" width="40" height="70" rx="6" fill="#b3261e" transform="rotate(${angle} 256 256)"/>`
  }).join('')
  return svg(
    size,
    size,
    `<rect width="${size}" height="${size}" fill="#ffffff"/>
    ${teeth}
    <circle cx="256" cy="256" r="160" fill="#b3261e"/>
    <circle cx="256" cy="256" r="104" fill="#1d2430"/>
    <polygon points="256,168 226,344 286,344" fill="#f2b134"/>`,
  )
}

export async function png(source: Buffer): Promise<Buffer> {
  return sharp(source).png({ compressionLevel: 9 }).toBuffer()
}

import Image from 'next/image'

import type { ImageView } from '../lib/views'

type Props = { image: ImageView; sizes: string; priority?: boolean; className?: string }

/** A stored image through next/image, with its real dimensions and alt text. */
export function Picture({ image, sizes, priority, className }: Props) {
  return (
    <Image
      className={className}
      src={image.url}
      alt={image.alt}
      width={image.width}
      height={image.height}
      sizes={sizes}
      priority={priority}
      unoptimized={image.direct === true}
    />
  )
}

import { getImageProps } from 'next/image'
import { preload } from 'react-dom'

import type { ImageView } from '../lib/views'

type Props = { image: ImageView; sizes: string; priority?: boolean; className?: string }

/**
 * A stored image with next/image's optimised srcset, its real dimensions and alt text, rendered
 * on the server as a plain <img>: next/image's client component would add about 6 KB of gzipped
 * JavaScript to every page for an image that needs no script (measured by `npm run bench`).
 */
export function Picture({ image, sizes, priority, className }: Props) {
  const { props } = getImageProps({
    className,
    src: image.url,
    alt: image.alt,
    width: image.width,
    height: image.height,
    sizes,
    priority,
  })
  if (priority && props.srcSet) {
    // What next/image's component does for a priority image: the browser fetches it first.
    preload(props.src, {
      as: 'image',
      imageSrcSet: props.srcSet,
      imageSizes: props.sizes,
      fetchPriority: 'high',
    })
  }
  // eslint-disable-next-line @next/next/no-img-element -- the props are next/image's own
  return <img {...props} alt={image.alt} />
}

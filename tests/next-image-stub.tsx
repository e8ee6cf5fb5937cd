import type { ImageProps } from 'next/image'

/**
 * next/image for jsdom: under jest's native ESM its CommonJS default export arrives as a module
 * object, and there is no image optimizer to call anyway. Renders the plain <img> it would.
 */
export default function Image({ src, alt, width, height, sizes, className }: ImageProps) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- what next/image renders
    <img
      src={typeof src === 'string' ? src : ''}
      alt={alt}
      width={width}
      height={height}
      sizes={sizes}
      className={className}
    />
  )
}

/** getImageProps without an optimizer: the image's own URL, no srcset. */
export function getImageProps({ src, alt, width, height, sizes, className, priority }: ImageProps) {
  return {
    props: {
      src: typeof src === 'string' ? src : '',
      srcSet: undefined as string | undefined,
      alt,
      width,
      height,
      sizes,
      className,
      loading: priority ? undefined : ('lazy' as const),
      decoding: 'async' as const,
    },
  }
}

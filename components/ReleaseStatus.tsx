import { releaseStatus } from '../lib/release'

type Props = { releaseAt: string; platform: string; now: Date }

export function ReleaseStatus({ releaseAt, platform, now }: Props) {
  const status = releaseStatus(releaseAt, platform, now)
  return (
    <p className={status.released ? 'release release--out' : 'release release--upcoming'}>
      <time dateTime={new Date(releaseAt).toISOString()}>{status.label}</time>
    </p>
  )
}

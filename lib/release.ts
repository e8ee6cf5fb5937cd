import { formatReleaseDateTime } from './format'

export type ReleaseState = { released: boolean; label: string }

/** "Disponible le vendredi 13 décembre 2024 à 9 h sur Prime Video", then "Disponible sur Prime Video". */
export function releaseStatus(releaseAt: string, platform: string, now: Date): ReleaseState {
  const released = now.getTime() >= new Date(releaseAt).getTime()
  return released
    ? { released, label: `Disponible sur ${platform}` }
    : { released, label: `Disponible le ${formatReleaseDateTime(releaseAt)} sur ${platform}` }
}

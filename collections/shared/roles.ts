export const ROLES = ['admin', 'editor', 'journalist'] as const
export type Role = (typeof ROLES)[number]

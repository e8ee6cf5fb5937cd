import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import type { Role } from './roles'

type MaybeUser = PayloadRequest['user'] | undefined

/** Reads the roles of whoever makes the request; anonymous readers have none. */
export function rolesOf(user: MaybeUser): Role[] {
  if (!user || user.collection !== 'users') return []
  const roles = (user as { roles?: unknown }).roles
  return Array.isArray(roles) ? (roles as Role[]) : []
}

export const hasRole = (user: MaybeUser, ...wanted: Role[]): boolean =>
  rolesOf(user).some((role) => wanted.includes(role))

export const isAdminUser = (user: MaybeUser) => hasRole(user, 'admin')
export const isEditorUser = (user: MaybeUser) => hasRole(user, 'admin', 'editor')
export const isStaffUser = (user: MaybeUser) => hasRole(user, 'admin', 'editor', 'journalist')

export const anyone: Access = () => true
export const nobody: Access = () => false
export const isAdmin: Access = ({ req }) => isAdminUser(req.user)
export const isEditor: Access = ({ req }) => isEditorUser(req.user)
export const isStaff: Access = ({ req }) => isStaffUser(req.user)

export const isAdminField: FieldAccess = ({ req }) => isAdminUser(req.user)
export const isEditorField: FieldAccess = ({ req }) => isEditorUser(req.user)
export const isStaffField: FieldAccess = ({ req }) => isStaffUser(req.user)
export const nobodyField: FieldAccess = () => false

export const publishedFilter: Where = { _status: { equals: 'published' } }

/** Staff read everything; everyone else reads published documents only. */
export const publishedOrStaff: Access = ({ req }) =>
  isStaffUser(req.user) ? true : publishedFilter

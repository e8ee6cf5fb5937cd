import type { CollectionConfig } from 'payload'

import {
  anyone,
  isAdmin,
  isAdminField,
  isAdminUser,
  isStaffField,
  isStaffUser,
  nobodyField,
} from '../shared/access'
import { tags } from '../../lib/cache-tags'
import { env } from '../../lib/env'
import { isSlug } from '../../lib/slug'
import { slugField } from '../shared/fields'
import { expireOnChange } from '../shared/revalidate'
import { ROLES } from '../shared/roles'
import { userSlug } from './hooks'

// Bylines show names and bios.
const expireBylines = expireOnChange([tags.users])

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { fr: 'Utilisateur', en: 'User' },
    plural: { fr: 'Utilisateurs', en: 'Users' },
  },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    // The session cookie never travels over plain http in production (lib/env.ts wants https
    // there) and is not sent with cross-site posts; `csrf` in payload.config.ts does the rest.
    cookies: { secure: env().SITE_URL.startsWith('https:'), sameSite: 'Lax' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
  },
  access: {
    // Only people with a newsroom role may enter the admin.
    admin: ({ req }) => isStaffUser(req.user),
    // Bylines are public: anyone reads a name and a bio; the rest is for the newsroom.
    read: anyone,
    create: isAdmin,
    delete: isAdmin,
    // Admins manage everyone; anyone else edits their own profile only.
    update: ({ req }) => {
      if (isAdminUser(req.user)) return true
      if (req.user?.collection === 'users') return { id: { equals: req.user.id } }
      return false
    },
    unlock: isAdmin,
  },
  fields: [
    // Merged into Payload's own sessions field, whose read rule (`user?.id === doc?.id`) is
    // true for an anonymous reader when a user is populated into another document (both sides
    // undefined): session ids and expiries then appeared in every article's authors. Payload's
    // own code reads sessions past access control, so nobody needs them in an answer.
    { name: 'sessions', type: 'array', fields: [], access: { read: nobodyField } },
    // Merged into Payload's own e-mail field: readers never see staff addresses.
    { name: 'email', type: 'email', access: { read: isStaffField } },
    {
      name: 'name',
      label: { fr: 'Nom affiché', en: 'Display name' },
      type: 'text',
      required: true,
      maxLength: 120,
    },
    {
      name: 'bio',
      label: { fr: 'Courte biographie', en: 'Short biography' },
      type: 'textarea',
      maxLength: 500,
    },
    // The author page's address (/auteurs/<slug>), public like the byline. Optional so that
    // accounts made before it keep saving; the hook fills it from the name on their next save.
    slugField('name', {
      label: { fr: 'Adresse de la page auteur', en: 'Author page address' },
      required: false,
      hooks: { beforeValidate: [userSlug] },
      admin: {
        position: 'sidebar',
        description: {
          fr: 'Page publique /auteurs/… Laisser vide pour la tirer du nom.',
          en: 'Public page /auteurs/… Leave empty to derive it from the name.',
        },
      },
      validate: (value: unknown) =>
        value === null ||
        value === undefined ||
        isSlug(value) ||
        'Le slug ne peut contenir que des lettres minuscules, des chiffres et des tirets.',
    }),
    {
      name: 'roles',
      label: { fr: 'Rôles', en: 'Roles' },
      type: 'select',
      hasMany: true,
      required: true,
      saveToJWT: true,
      defaultValue: ['journalist'],
      options: ROLES.map((role) => ({ label: role, value: role })),
      access: {
        read: isStaffField,
        // Nobody but an admin grants a role, including to themselves.
        create: isAdminField,
        update: isAdminField,
      },
    },
  ],
  hooks: {
    afterChange: [expireBylines.afterChange],
    afterDelete: [expireBylines.afterDelete],
    beforeChange: [
      // The very first account (the admin's "create first user" screen) is the admin.
      async ({ data, operation, req }) => {
        if (operation !== 'create') return data
        const { totalDocs } = await req.payload.count({ collection: 'users', req })
        if (totalDocs === 0) return { ...data, roles: ['admin'] }
        return data
      },
    ],
  },
  timestamps: true,
}

/* `npm run seed`: (re)creates the demo content, idempotently. */
import config from '@payload-config'
import { getPayload } from 'payload'

import { seedDemoContent, seedPassword } from '../seed'

const payload = await getPayload({ config })
try {
  await seedDemoContent(payload, { password: seedPassword() })
} finally {
  await payload.destroy()
}
process.exit(0)

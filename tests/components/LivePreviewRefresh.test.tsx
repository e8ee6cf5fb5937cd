import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { act, render } from '@testing-library/react'

const refresh = jest.fn()
jest.unstable_mockModule('next/navigation', () => ({ useRouter: () => ({ refresh }) }))
const { LivePreviewRefresh } = await import('../../components/LivePreviewRefresh.client')

const ORIGIN = window.location.origin

/** Renders the component and waits for its listener, a chunk of its own imported on mount. */
async function renderListening() {
  const view = render(<LivePreviewRefresh />)
  await act(async () => {
    await import('../../lib/live-preview')
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
  return view
}

function post(data: unknown, origin = ORIGIN) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin }))
  })
}

beforeEach(() => {
  refresh.mockClear()
})

afterEach(() => {
  Object.defineProperty(window, 'opener', { value: null, configurable: true, writable: true })
})

describe('LivePreviewRefresh', () => {
  it('tells the admin window it is ready, for this origin only', async () => {
    const admin = { postMessage: jest.fn() }
    Object.defineProperty(window, 'opener', { value: admin, configurable: true, writable: true })
    await renderListening()
    expect(admin.postMessage).toHaveBeenCalledWith(
      { type: 'payload-live-preview', ready: true },
      ORIGIN,
    )
  })

  it('re-renders the page each time the admin reports a save', async () => {
    await renderListening()
    post({ type: 'payload-document-event' })
    post({ type: 'payload-document-event' })
    expect(refresh).toHaveBeenCalledTimes(2)
  })

  it('ignores other origins and other messages', async () => {
    await renderListening()
    post({ type: 'payload-document-event' }, 'https://evil.example')
    post({ type: 'payload-live-preview', data: { title: 'x' } })
    post('payload-document-event')
    expect(refresh).not.toHaveBeenCalled()
  })

  it('stops listening once unmounted', async () => {
    ;(await renderListening()).unmount()
    post({ type: 'payload-document-event' })
    expect(refresh).not.toHaveBeenCalled()
  })

  it('never listens when unmounted before its listener loaded', async () => {
    render(<LivePreviewRefresh />).unmount()
    await act(async () => {
      await import('../../lib/live-preview')
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    post({ type: 'payload-document-event' })
    expect(refresh).not.toHaveBeenCalled()
  })
})

/** The fan-out bar of `import --publish`: redrawn in place on a terminal, throttled lines in a log. */
import { createFanOutDisplay } from '../../../src/server/cli/fan-out-display'
import type { DeliveryCounts } from '../../../src/server/notifications'

const counts = (sent: number, queued: number, extra: Partial<DeliveryCounts> = {}): DeliveryCounts => {
  const c = { queued, sending: 0, sent, refused: 0, failed: 0, cancelled: 0, ...extra }
  return { ...c, total: c.queued + c.sending + c.sent + c.refused + c.failed + c.cancelled }
}

function recorder() {
  const writes: string[] = []
  return { writes, write: (text: string) => void writes.push(text), text: () => writes.join('') }
}

describe('fan-out display', () => {
  it('on a terminal redraws one line in place and ends it with the final counts', () => {
    const out = recorder()
    const display = createFanOutDisplay({ write: out.write, isTTY: true, label: 'L', barWidth: 10 })
    display.update(counts(0, 4))
    display.update(counts(2, 2))
    display.update(counts(4, 0))
    display.finish(counts(4, 0), 'done')
    expect(out.writes.slice(0, 3).every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true)
    expect(out.writes[1]).toContain('[█████░░░░░]  50% 2/4 sent · 2 to go')
    const lines = out.text().split('\n')
    // eslint-disable-next-line no-control-regex -- the bar redraws itself with an ANSI escape
    expect(lines.at(-3)).toMatch(/\r\x1b\[2KL: \[██████████\] 100% 4\/4 sent$/)
    expect(lines.at(-2)).toBe('L: notifications done: 4 of 4 sent')
  })

  it('in a log writes a line at most every interval, never a carriage return, and the final line once', () => {
    const out = recorder()
    let now = 0
    const display = createFanOutDisplay({ write: out.write, isTTY: false, label: 'L', barWidth: 10, minIntervalMs: 1000, now: () => now })
    display.update(counts(0, 10)) // t=0: written
    now = 300
    display.update(counts(3, 7)) // too soon: skipped
    now = 1100
    display.update(counts(6, 4)) // written
    now = 1200
    display.update(counts(10, 0)) // settled: left to finish()
    display.finish(counts(9, 0, { refused: 1 }), 'done')
    expect(out.text()).not.toContain('\r')
    expect(out.text().split('\n').filter(Boolean)).toEqual([
      'L: [░░░░░░░░░░]   0% 0/10 sent · 10 to go',
      'L: [██████░░░░]  60% 6/10 sent · 4 to go',
      'L: [██████████] 100% 9/10 sent · 1 refused',
      'L: notifications done: 9 of 10 sent, 1 refused by the member',
    ])
  })

  it('when interrupted says how many stay queued and who will send them', () => {
    const out = recorder()
    const display = createFanOutDisplay({ write: out.write, isTTY: false, label: 'L' })
    display.finish(counts(3, 5), 'interrupted')
    expect(out.text()).toMatch(/L: stopped watching: 3 of 8 sent; 5 still queued, the server's notification worker/)
  })

  it('a note clears the bar first so the two do not run together', () => {
    const out = recorder()
    const display = createFanOutDisplay({ write: out.write, isTTY: true, label: 'L' })
    display.update(counts(1, 1))
    display.note('notifications: retrying')
    expect(out.writes.slice(-2)).toEqual(['\r\x1b[2K', 'notifications: retrying\n'])
  })
})

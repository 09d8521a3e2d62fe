/**
 * How `npm run import -- --publish` shows one issue's notification fan-out on stderr. On a
 * terminal the bar is redrawn in place (\r), so it costs one line however long the fan-out takes;
 * in a log file (stderr not a TTY) redrawing would leave a line per poll, so a line is written at
 * most every `minIntervalMs` and once more at the end.
 */
import { formatFanOut, type DeliveryCounts } from '../notifications/progress'

export interface FanOutDisplayOptions {
  write(text: string): void
  isTTY: boolean
  /** Prefix of every line, e.g. the label. */
  label: string
  barWidth?: number
  /** Non-TTY only: least time between two progress lines (default 1000 ms). */
  minIntervalMs?: number
  now?: () => number
}

export interface FanOutDisplay {
  update(counts: DeliveryCounts): void
  /** Something else to say (a worker warning) without tearing the bar. */
  note(text: string): void
  /** The last line: the final counts, or why watching stopped early. */
  finish(counts: DeliveryCounts, how: 'done' | 'interrupted'): void
}

const settled = (c: DeliveryCounts) => c.queued + c.sending === 0

export function createFanOutDisplay(opts: FanOutDisplayOptions): FanOutDisplay {
  const width = opts.barWidth ?? 30
  const minInterval = opts.minIntervalMs ?? 1000
  const now = opts.now ?? Date.now
  const line = (counts: DeliveryCounts) => `${opts.label}: ${formatFanOut(counts, width)}`
  let barShown = false
  let lastLineAt = -Infinity
  let lastLine = ''

  const clearBar = () => {
    if (opts.isTTY && barShown) opts.write('\r\x1b[2K')
    barShown = false
  }

  return {
    update(counts) {
      const text = line(counts)
      if (opts.isTTY) {
        opts.write(`\r\x1b[2K${text}`)
        barShown = true
        return
      }
      // The final state is always written by finish(); skip it here so it does not appear twice.
      if (settled(counts) || now() - lastLineAt < minInterval || text === lastLine) return
      opts.write(`${text}\n`)
      lastLineAt = now()
      lastLine = text
    },
    note(text) {
      clearBar()
      opts.write(`${text}\n`)
    },
    finish(counts, how) {
      clearBar()
      const live = counts.total - counts.cancelled
      const summary =
        `${counts.sent} of ${live} sent` +
        (counts.refused ? `, ${counts.refused} refused by the member` : '') +
        (counts.failed ? `, ${counts.failed} failed (see GET /api/admin/issues/:id/deliveries)` : '')
      opts.write(`${line(counts)}\n`)
      if (how === 'done') {
        opts.write(`${opts.label}: notifications done: ${summary}\n`)
      } else {
        const left = counts.queued + counts.sending
        opts.write(`${opts.label}: stopped watching: ${summary}; ${left} still queued, the server's notification worker (or \`npm run worker\`) will send them\n`)
      }
    },
  }
}

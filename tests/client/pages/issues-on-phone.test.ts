/** Home's list with no network: the fetched or kept list, and every saved issue not in it. */
import type { IssueSummary } from '../../../src/core/api'
import { issuesOnPhone } from '../../../src/pages/index/issues-on-phone'

const summary = (id: number, date: string): IssueSummary => ({ id, label: `第${id}期`, year: Number(date.slice(0, 4)), number: id, date, publishedAt: null, contents: [] })

describe('issues home lists', () => {
  const listed = [summary(9, '2024-05-01'), summary(8, '2024-04-01')]
  const saved = { 3: { summary: summary(3, '2021-01-01') }, 8: { summary: summary(8, '2024-04-01') }, 5: { summary: summary(5, '2022-01-01') } }

  it('online: the list as fetched, saved issues only marked (not added)', () => {
    expect(issuesOnPhone(listed, saved, false)).toBe(listed)
  })

  it('offline: saved issues beyond the kept first page join it, once each, newest first', () => {
    expect(issuesOnPhone(listed, saved, true).map((i) => i.id)).toEqual([9, 8, 5, 3])
  })

  it('offline with no list on the phone at all: the saved issues', () => {
    expect(issuesOnPhone([], saved, true).map((i) => i.id)).toEqual([8, 5, 3])
    expect(issuesOnPhone([], {}, true)).toEqual([])
  })
})

/**
 * The console's preview tab shows a draft's share card and poster at the addresses the reader uses,
 * with the preview token (`?preview=TOKEN`): drawn for that draft only, `cache-control: no-store`,
 * and never kept in the cache of published cards. Without the token, or with another issue's, a
 * draft has no card, as before; a published article's card is as it was.
 */
import { readFileSync } from 'node:fs'
import { importText } from '../../../src/core/import/index'
import { cardUrls } from '../../../console/src/screens/PreviewView'
import { buildTestApp, publish, type TestApp } from '../support/app'
import { describeOnEachBackend } from '../support/storages'
import { addEditor, signIn, type Browser } from '../console/support'
import { decodePng, PNG_SIGNATURE } from './png'
import { SAMPLE_FILE } from './sample-data'

describeOnEachBackend('cards of a draft with a preview token', (backend) => {
  let t: TestApp
  let editor: Browser
  let publishedArticleId: number
  let draftArticleId: number
  let draftIssueId: number
  let previewUrl: string
  let token: string
  let otherToken: string

  const tokenFor = async (issueId: number) => {
    const res = await editor.send({ method: 'POST', url: `/api/console/issues/${issueId}/preview` })
    expect(res.statusCode).toBe(200)
    const url = res.json().url as string
    return { url, token: new URL(url, 'http://x').searchParams.get('preview')! }
  }

  beforeAll(async () => {
    t = await buildTestApp(backend)
    const imported = importText(readFileSync(SAMPLE_FILE, 'utf8'))
    if (!imported.ok) throw new Error('sample does not import')
    const published = await publish(t.storage, imported.issue)
    publishedArticleId = published.sections[0].items.find((i) => i.kind === 'article')!.id
    const draft = await t.storage.saveDraft({ ...imported.issue, number: imported.issue.number + 1, label: '〔2020〕第二十一期' })
    draftIssueId = draft.issue.id
    draftArticleId = draft.issue.sections[0].items.find((i) => i.kind === 'article')!.id
    const other = await t.storage.saveDraft({ ...imported.issue, number: imported.issue.number + 2, label: '〔2020〕第二十二期' })
    await addEditor(t, '李编辑', 'editor')
    editor = await signIn(t, '李编辑')
    ;({ url: previewUrl, token } = await tokenFor(draft.issue.id))
    ;({ token: otherToken } = await tokenFor(other.issue.id))
  })
  afterAll(async () => {
    await t?.close()
  })

  it("draws the draft's card and poster at the console's addresses, uncached and out of the card cache", async () => {
    const urls = cardUrls(draftArticleId, previewUrl)
    expect(urls.card).toBe(`/api/cards/articles/${draftArticleId}.png?preview=${encodeURIComponent(token)}`)
    const codesBefore = t.fake.requests.filter((r) => r.endpoint === 'getwxacodeunlimit').length
    const cachedBefore = t.server.cards.stats().cached
    for (const [url, size] of [
      [urls.card, [1000, 800]],
      [urls.poster, [750, 1334]],
    ] as const) {
      const res = await t.inject({ url })
      expect([url, res.statusCode]).toEqual([url, 200])
      expect(res.headers['content-type']).toBe('image/png')
      expect(res.headers['cache-control']).toBe('no-store')
      expect(res.headers.etag).toBeUndefined()
      expect(Buffer.from(res.rawPayload.subarray(0, 8)).equals(PNG_SIGNATURE)).toBe(true)
      const png = decodePng(res.rawPayload)
      expect([png.width, png.height]).toEqual(size)
    }
    // The poster's code came from WeChat (the fake) by the published posters' path, for this article.
    const codes = t.fake.requests.filter((r) => r.endpoint === 'getwxacodeunlimit').slice(codesBefore)
    expect(codes.map((r) => (r.body as { scene?: string }).scene)).toEqual([`a=${draftArticleId}`])
    expect(t.server.cards.stats().cached).toBe(cachedBefore)
  })

  it("draws the draft issue's card with its token only", async () => {
    const res = await t.inject({ url: `/api/cards/issues/${draftIssueId}.png?preview=${token}` })
    expect([res.statusCode, res.headers['cache-control']]).toEqual([200, 'no-store'])
    expect([decodePng(res.rawPayload).width, decodePng(res.rawPayload).height]).toEqual([1000, 800])
    expect((await t.inject({ url: `/api/cards/issues/${draftIssueId}.png` })).statusCode).toBe(404)
    expect((await t.inject({ url: `/api/cards/issues/${draftIssueId}.png?preview=${otherToken}` })).statusCode).toBe(404)
  })

  it('has no card for the draft without the token, with another draft’s token or a forged one', async () => {
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    for (const query of ['', `?preview=${otherToken}`, `?preview=${forged}`, '?preview=']) {
      for (const url of [`/api/cards/articles/${draftArticleId}.png${query}`, `/api/cards/articles/${draftArticleId}/poster.png${query}`]) {
        const res = await t.inject({ url })
        expect([url, res.statusCode]).toEqual([url, 404])
        expect(res.json().error.code).toBe('article-not-found')
      }
    }
  })

  it("leaves a published article's card as it was: public, cached, with an ETag", async () => {
    const url = `/api/cards/articles/${publishedArticleId}.png`
    const res = await t.inject({ url })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=3600')
    expect(Buffer.from(res.rawPayload.subarray(0, 8)).equals(PNG_SIGNATURE)).toBe(true)
    expect((await t.inject({ url, headers: { 'if-none-match': res.headers.etag as string } })).statusCode).toBe(304)
    // Another issue's token changes nothing for it.
    const withToken = await t.inject({ url: `${url}?preview=${token}` })
    expect([withToken.statusCode, withToken.headers['cache-control']]).toEqual([200, 'public, max-age=3600'])
  })
})

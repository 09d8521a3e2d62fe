/**
 * The draft as members will see it: the real H5 reader in a phone-sized frame (390×844) at the
 * preview address the server gives, and the share card and poster of a chosen article.
 */
import { useEffect, useState } from 'react'
import type { StoredIssue } from '@/core/bulletin'
import type { PreviewLink } from '@/core/console'
import type { ConsoleApi } from '../api'
import { formatTime } from '../format'

/** The card addresses of src/server/routes/cards.ts, with the preview's token so a draft's cards draw too. */
export function cardUrls(articleId: number, previewUrl: string | null): { card: string; poster: string } {
  const token = previewUrl ? new URL(previewUrl, 'http://x').searchParams.get('preview') : null
  const query = token ? `?preview=${encodeURIComponent(token)}` : ''
  return { card: `/api/cards/articles/${articleId}.png${query}`, poster: `/api/cards/articles/${articleId}/poster.png${query}` }
}

export function PreviewView({ api, issue }: { api: ConsoleApi; issue: StoredIssue }) {
  const [link, setLink] = useState<PreviewLink | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const articles = issue.sections.flatMap((s) => s.items.filter((i) => i.kind === 'article').map((a) => ({ id: a.id, title: a.kind === 'article' ? a.title : '' })))
  const [articleId, setArticleId] = useState<number | null>(articles[0]?.id ?? null)

  useEffect(() => {
    api.preview(issue.id).then(setLink, (e: Error) => setProblem(e.message))
  }, [api, issue.id])

  const cards = articleId ? cardUrls(articleId, link?.url ?? null) : null
  return (
    <div className='preview'>
      <section aria-labelledby='phone-heading' className='phone-column'>
        <h2 id='phone-heading'>手机上的样子</h2>
        {problem && <p role='alert'>{problem}</p>}
        {link && (
          <>
            <iframe className='phone' title='会员看到的本期（预览）' src={link.url} width={390} height={844} />
            <p className='hint'>预览链接只给编辑使用，{formatTime(link.expiresAt)} 失效；会员看不到草稿。</p>
          </>
        )}
        {!link && !problem && <p>正在准备预览…</p>}
      </section>
      <section aria-labelledby='cards-heading' className='cards-column'>
        <h2 id='cards-heading'>分享卡片和海报</h2>
        {articles.length === 0 ? (
          <p>本期没有文章。</p>
        ) : (
          <>
            <label htmlFor='card-article'>文章</label>
            <select id='card-article' value={articleId ?? ''} onChange={(e) => setArticleId(Number(e.target.value))}>
              {articles.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
            {cards && link && (
              <div className='card-images'>
                <figure>
                  <img src={cards.card} alt='聊天里的分享卡片' width={300} height={240} />
                  <figcaption>分享卡片</figcaption>
                </figure>
                <figure>
                  <img src={cards.poster} alt='朋友圈海报' width={225} height={400} />
                  <figcaption>海报</figcaption>
                </figure>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  )
}

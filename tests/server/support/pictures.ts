/** Real pictures for the media tests: PNG and JPEG bytes made with sharp, and their ImportedMedia. */
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import type { Article, Issue } from '../../../src/core/bulletin'
import type { ImportedMedia } from '../../../src/server/import/media'

export async function picture(format: 'png' | 'jpeg', width: number, height: number, colour = { r: 200, g: 40, b: 40 }): Promise<ImportedMedia> {
  const image = sharp({ create: { width, height, channels: 3, background: colour } })
  const bytes = format === 'png' ? await image.png().toBuffer() : await image.jpeg({ quality: 90 }).toBuffer()
  return { id: createHash('sha256').update(bytes).digest('hex'), contentType: `image/${format}`, bytes: new Uint8Array(bytes), width, height }
}

/** An article with every kind of block, its pictures naming `media`. */
export function articleWithBlocks(media: ImportedMedia[]): Article {
  return {
    kind: 'article',
    title: '图表里的工会',
    paragraphs: ['开头一段。', '一、基本情况', '1. 第一条', '区 | 会员 | 新增', '天河区 | 32 | 21', ...media.map((_, i) => `图${i + 1}`)],
    source: { organization: '增城区总工会', author: '何婉婷', role: '通讯员' },
    blocks: [
      { kind: 'paragraph', text: '开头一段。' },
      { kind: 'subheading', text: '一、基本情况' },
      { kind: 'list-item', marker: '1.', text: '第一条' },
      {
        kind: 'table',
        rows: [
          ['区', '会员', '新增'],
          ['天河区', '32', '21'],
        ],
      },
      ...media.map((m, i) => ({ kind: 'image' as const, mediaId: m.id, width: m.width, height: m.height, caption: `图${i + 1}` })),
    ],
  }
}

/** An issue whose first section starts with `article`. */
export function withArticle(issue: Issue, article: Article): Issue {
  const [first, ...rest] = issue.sections
  return { ...issue, sections: [{ ...first, items: [article, ...first.items] }, ...rest] }
}

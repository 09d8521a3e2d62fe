/**
 * What a line inside an article is when it is not plain text: a sub-heading (一、… on its own, or
 * a bold line the contents does not list), a numbered list item, or a picture's caption.
 */
import { endsClosed } from '../text/punctuation'
import { splitSource } from './sources'
import type { Token } from './tokenize'

/** 一、 （一） 1. 第一, as sub-headings and outline items begin. */
const OUTLINE_NUMBER = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|[0-9０-９]{1,2}[.．、]|第[一二三四五六七八九十]{1,3}[，、,\s])/

/** A short, unpunctuated line that opens with an outline number: 一、加强组织领导. */
export const looksLikeSubheading = (text: string) => OUTLINE_NUMBER.test(text) && text.length <= 30 && !endsClosed(text)

/** A numbered line inside an article: a sub-heading when short and open, else a list item. */
export function numberedShape(t: Token & { kind: 'entry' }): { kind: 'subheading' } | { kind: 'list-item'; marker: string } {
  const text = t.text.replace(/\*\*/g, '')
  if (/^[一二三四五六七八九十（(]/.test(t.marker) && looksLikeSubheading(text)) return { kind: 'subheading' }
  return { kind: 'list-item', marker: t.marker }
}

/**
 * A plain line that could be a title: short, not ending a sentence or a clause, no source, no
 * outline number. Titles may end with ” or 》 (打造“15分钟服务圈”), so endsClosed is not the test.
 */
export const looksLikeTitle = (text: string) =>
  text.length >= 4 && text.length <= 50 && !/[。！？!?；;，,、：:]$/.test(text) && !OUTLINE_NUMBER.test(text) && splitSource(text).source === null

/** The line under a picture that is its caption: 图为…, ▲图…, or a short centred line. */
export function captionOf(t: Token): { text: string; certain: boolean } | null {
  const text = (t.kind === 'brief' ? t.body : t.kind === 'text' || t.kind === 'entry' ? t.text : '').replace(/\*\*/g, '').trim()
  // A source on its own line under the last picture ends the article; it is no caption.
  if (text === '' || text.length > 60 || splitSource(text).rest === '') return null
  // ▲图为… points at the picture above: the ▲ is not a brief's mark here.
  if (/^图\s*\d*\s*[为：:.\s]/.test(text)) return { text, certain: true }
  if (t.kind === 'brief') return null
  if (t.hints?.align === 'center') return { text, certain: true }
  return text.length <= 30 && !/[。！？；]$/.test(text) ? { text, certain: false } : null
}

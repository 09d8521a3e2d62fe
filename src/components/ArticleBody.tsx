import { Text, View } from './ui'
import type { ArticleDetail, Range } from '../core/api'
import { formatIssueDate, plainSectionName, sourceLine } from './format'
import ArticleBlocks, { type ArticleBlocksProps } from './ArticleBlocks'
import { asHeading } from './a11y'
import Highlighted from './Highlighted'

/**
 * Title, where it comes from, and the text: large type, selectable for copying. Articles with blocks
 * (tables, pictures, sub-headings) are drawn by ArticleBlocks; `marks` (where the search term
 * occurs in a paragraph) and `reading` (the sentence 听全文 is at) are marked in the paragraphs.
 */
export default function ArticleBody({
  detail,
  pictures,
  reading,
  marks = null,
}: {
  detail: ArticleDetail
  pictures?: Omit<ArticleBlocksProps, 'blocks'>
  reading?: ReadingMark | null
  marks?: ((paragraph: string) => Range[]) | null
}) {
  const { article, issue, section } = detail
  return (
    <View className='article'>
      <Text className='muted'>
        {issue.masthead} {issue.label} · {plainSectionName(section)}
      </Text>
      <View>
        <Text className={`title${reading?.paragraph === -1 ? ' reading' : ''}`} userSelect selectable {...asHeading(1)}>
          {article.title}
        </Text>
      </View>
      <View style={{ margin: '6PX 0 16PX' }}>
        <Text className='muted'>
          {formatIssueDate(issue.date)}
          {article.source ? `　${sourceLine(article.source)}` : ''}
        </Text>
      </View>
      {article.blocks && pictures ? <ArticleBlocks blocks={article.blocks} {...pictures} /> : null}
      {(article.blocks && pictures ? [] : article.paragraphs).map((p, i) => {
        const ranges = marks ? marks(p) : []
        return reading?.paragraph === i ? (
          <Text key={i} className='para' userSelect selectable>
            <Marked text={p} mark={reading} />
          </Text>
        ) : ranges.length ? (
          <View key={i} className='para'>
            <Highlighted text={p} ranges={ranges} />
          </View>
        ) : (
          <Text key={i} className='para' userSelect selectable>
            {p}
          </Text>
        )
      })}
    </View>
  )
}

/** Where 听全文 is: a paragraph (-1 the title) and the sentence's [start, end) in it. */
export interface ReadingMark {
  paragraph: number
  start: number
  end: number
}

function Marked({ text, mark }: { text: string; mark: ReadingMark }) {
  return (
    <>
      {text.slice(0, mark.start)}
      <Text className='reading'>{text.slice(mark.start, mark.end)}</Text>
      {text.slice(mark.end)}
    </>
  )
}

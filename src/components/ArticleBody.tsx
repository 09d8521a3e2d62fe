import { Text, View } from '@tarojs/components'
import type { ArticleDetail } from '../core/api'
import { formatIssueDate, plainSectionName, sourceLine } from './format'
import ArticleBlocks, { type ArticleBlocksProps } from './ArticleBlocks'

/** Title, where it comes from, and the paragraphs: large type, selectable for copying. */
export default function ArticleBody({ detail, pictures, reading }: { detail: ArticleDetail; pictures?: Omit<ArticleBlocksProps, 'blocks'>; reading?: ReadingMark | null }) {
  const { article, issue, section } = detail
  return (
    <View className='article'>
      <Text className='muted'>
        {issue.masthead} {issue.label} · {plainSectionName(section)}
      </Text>
      <View>
        <Text className={`title${reading?.paragraph === -1 ? ' reading' : ''}`} userSelect selectable>
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
      {(article.blocks && pictures ? [] : article.paragraphs).map((p, i) => (
        <Text key={i} className='para' userSelect selectable>
          {reading?.paragraph === i ? <Marked text={p} mark={reading} /> : p}
        </Text>
      ))}
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

import { Text, View } from './ui'
import type { IssueDetail } from '../core/api'
import type { StoredSection } from '../core/bulletin'
import { plainSectionName, sourceLine } from './format'
import Masthead from './Masthead'
import { asButton, asHeading, asLink } from './a11y'

/** The first reader page: masthead and 本期导读, every article one tap away. */
export function ContentsPage({ issue, onOpenArticle, onOpenSection }: { issue: IssueDetail; onOpenArticle: (id: number) => void; onOpenSection: (index: number) => void }) {
  return (
    <View>
      <Masthead masthead={issue.masthead} label={issue.label} publisher={issue.publisher} date={issue.date} level={2} />
      <View className='section-name' {...asHeading(2)}>
        <Text>本期导读</Text>
      </View>
      {issue.sections.map((section, index) => (
        <View key={section.name + index}>
          <View className='toc-item' {...asButton()} onClick={() => onOpenSection(index + 1)}>
            <Text className='accent'>〔{plainSectionName(section.name)}〕</Text>
          </View>
          {section.items.map((item) =>
            item.kind === 'article' ? (
              <View key={item.id} className='toc-item' {...asLink()} onClick={() => onOpenArticle(item.id)}>
                <Text>{item.title}</Text>
              </View>
            ) : null,
          )}
          {section.items.some((i) => i.kind === 'brief') ? (
            <View className='toc-item' {...asButton()} onClick={() => onOpenSection(index + 1)}>
              <Text className='muted'>简讯 {section.items.filter((i) => i.kind === 'brief').length} 条</Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}

/** One section as a reader page: articles with their opening, briefs as a list. */
/** `markedId`: the item a search result led to, marked (and scrolled to by the page, by its element id `item-<id>`). */
export function SectionPage({ section, markedId, onOpenArticle }: { section: StoredSection; markedId?: number | null; onOpenArticle: (id: number) => void }) {
  return (
    <View>
      <View className='section-name' {...asHeading(2)}>
        <Text>〔{plainSectionName(section.name)}〕</Text>
      </View>
      {section.items.map((item) =>
        item.kind === 'article' ? (
          <View key={item.id} className='card' {...asLink()} onClick={() => onOpenArticle(item.id)}>
            <Text className='h2' {...asHeading(3)}>
              {item.title}
            </Text>
            <Text className='para' numberOfLines={3}>
              {item.paragraphs[0] ?? ''}
            </Text>
            <View className='row'>
              <Text className='muted grow'>{sourceLine(item.source)}</Text>
              <Text className='accent'>阅读全文 ›</Text>
            </View>
          </View>
        ) : (
          <View key={item.id} id={`item-${item.id}`} className={`brief${item.id === markedId ? ' marked' : ''}`} aria-current={item.id === markedId ? 'true' : undefined}>
            <Text userSelect>△ {item.text}</Text>
            {item.source ? <Text className='muted'>（{sourceLine(item.source)}）</Text> : null}
          </View>
        ),
      )}
    </View>
  )
}

/** The printed footer: distribution and editor. */
export function IssueFooter({ issue }: { issue: IssueDetail }) {
  const { distribution, editor } = issue
  return (
    <View className='footer-block'>
      {distribution.reportTo ? (
        <View>
          <Text userSelect>报：{distribution.reportTo}</Text>
        </View>
      ) : null}
      {distribution.sendTo ? (
        <View>
          <Text userSelect>发：{distribution.sendTo}</Text>
        </View>
      ) : null}
      {editor.name ? (
        <View>
          <Text>编辑：{editor.name}</Text>
        </View>
      ) : null}
      {editor.phone ? (
        <View>
          <Text userSelect>电话：{editor.phone}</Text>
        </View>
      ) : null}
      {editor.email ? (
        <View>
          <Text userSelect>邮箱：{editor.email}</Text>
        </View>
      ) : null}
    </View>
  )
}

/**
 * The bulletin's vocabulary. Every layer (importer, storage, API, stores, pages) speaks in these
 * types; nothing else defines its own copy of an issue or an article.
 */

/** Where an article or brief came from: （增城区总工会 涂冬妮） → organization + author. */
export interface Source {
  organization: string
  author: string | null
  /** The role word printed before the author (通讯员, 记者, 文/图, 供稿…), when there was one. */
  role?: string
}

/** A picture as the article shows it; the bytes travel beside the issue (see ImportedMedia). */
export interface ImageBlock {
  kind: 'image'
  /** sha256 hex of the picture's bytes; null when the document only referred to a file it did not carry. */
  mediaId: string | null
  /** Pixels, from the picture itself; null when unknown. */
  width: number | null
  height: number | null
  caption: string | null
}

/** What an article is made of, in order. Text is as written (markup removed). */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  /** `marker` is the number as printed (1. / （一） / ①) or as Word numbered it automatically. */
  | { kind: 'list-item'; marker: string; text: string }
  | { kind: 'table'; rows: string[][] }
  | ImageBlock

/** A correction of a published article: when, and the 更正说明 readers see under it. */
export interface Correction {
  /** ISO time */
  at: string
  note: string
}

export interface Article {
  kind: 'article'
  title: string
  /** The plain-text reading of `blocks`, one string per block (a table: one per row, cells joined by " | "; a picture: its caption). */
  paragraphs: string[]
  source: Source | null
  /**
   * Present when the article holds more than plain paragraphs (a sub-heading, a list, a table, a
   * picture). Absent means every paragraph is a plain paragraph: read it through `blocksOf`.
   */
  blocks?: Block[]
  /** Only once a published article has been corrected (never from the importer), oldest first. */
  corrections?: Correction[]
}

/** An article's blocks, whether the importer spelled them out or it is plain paragraphs only. */
export function blocksOf(article: Article): Block[] {
  return article.blocks ?? article.paragraphs.map((text) => ({ kind: 'paragraph', text }))
}

/** A short item of the 信息短波 kind, starting with △ in the document (the △ is markup, not text). */
export interface Brief {
  kind: 'brief'
  text: string
  source: Source | null
}

export type Item = Article | Brief

export interface Section {
  name: string
  items: Item[]
}

export interface Distribution {
  /** 报：… */
  reportTo: string | null
  /** 发：… */
  sendTo: string | null
}

export interface Editor {
  name: string | null
  email: string | null
  phone: string | null
}

/** Something an editor should look at; the import still succeeds. `line` is 1-based in the input. */
export interface ImportWarning {
  line: number
  message: string
}

/** One issue as the importer produces it from an editor's document. */
export interface Issue {
  masthead: string
  year: number
  number: number
  /** As printed: 〔2020〕第二十期 */
  label: string
  /** Only for a double issue: every number (第一、二期（合刊） → [1, 2]); `number` is the first. */
  numbers?: number[]
  /** Only when printed: the running total beside the label, （总第三百一十二期） → 312. */
  totalNumber?: number
  /** Only for a special issue: 特刊 under the masthead. */
  special?: true
  publisher: string | null
  permit: string | null
  /** ISO date, YYYY-MM-DD */
  date: string
  sections: Section[]
  distribution: Distribution
  editor: Editor
  warnings: ImportWarning[]
}

/** A stored thing carries the id the backend gave it. */
export type WithId<T> = T & { id: number }

export type StoredItem = WithId<Article> | WithId<Brief>

export interface StoredSection {
  name: string
  items: StoredItem[]
}

export type IssueStatus = 'draft' | 'published'

/** An issue as the backend stores and serves it: the imported issue, with ids and a status. */
export interface StoredIssue extends Omit<Issue, 'sections'> {
  id: number
  status: IssueStatus
  publishedAt: string | null
  importedAt: string
  sections: StoredSection[]
}

/** A section as the contents list shows it: its name, its articles' titles, how many briefs. */
export interface SectionContents {
  name: string
  articles: Array<{ id: number; title: string }>
  briefCount: number
}

/** An issue as the archive lists it: its facts and contents, without its text. */
export interface IssueOverview {
  id: number
  label: string
  year: number
  number: number
  date: string
  status: IssueStatus
  publishedAt: string | null
  importedAt: string
  warningCount: number
  contents: SectionContents[]
}

/** An article where it stands in its (published) issue, with its neighbours in reading order. */
export interface ArticleInIssue {
  article: WithId<Article>
  issue: { id: number; label: string; date: string; masthead: string }
  section: string
  previousId: number | null
  nextId: number | null
}

/** An article a member keeps, with what the list of favourites shows of it. */
export interface Favourite {
  articleId: number
  addedAt: string
  title: string
  issueId: number
  issueLabel: string
  date: string
}

/** A member's answer to WeChat's subscribe prompt; each accept is one message they may receive. */
export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter'

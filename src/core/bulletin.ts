/**
 * The bulletin's vocabulary. Every layer (importer, storage, API, stores, pages) speaks in these
 * types; nothing else defines its own copy of an issue or an article.
 */

/** Where an article or brief came from: （增城区总工会 涂冬妮） → organization + author. */
export interface Source {
  organization: string
  author: string | null
}

export interface Article {
  kind: 'article'
  title: string
  paragraphs: string[]
  source: Source | null
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

/**
 * What stops a document being a bulletin, as values with a code (never thrown). Messages are plain
 * Chinese with an English gloss, and name the line, so an editor can act without asking anyone.
 */
import type { ImportErrorCode, ImportProblem } from './types'

export function problem(code: ImportErrorCode, line: number | null, message: string): ImportProblem {
  return { code, line, message }
}

const where = (line: number | null) => (line === null ? '' : `第 ${line} 行：`)

export const problems = {
  empty: () => problem('empty', null, '文件是空的，没有任何文字 (the document is empty)'),
  binary: (line: number | null, what: string) => problem('binary', line, `${where(line)}这不是文字文件，无法读取（${what}）(not a text document: ${what})`),
  noIssueNumber: (line: number | null) =>
    problem('no-issue-number', line, `${where(line)}报头中找不到期号，应写作“〔2020〕第二十期”这样的形式 (no issue number such as 〔2020〕第二十期 in the masthead)`),
  noDate: (line: number | null) => problem('no-date', line, `${where(line)}报头中找不到出版日期，应写作“2020年7月13日”这样的形式 (no date such as 2020年7月13日 in the masthead)`),
  badDate: (line: number, printed: string, reason: string) =>
    problem('no-date', line, `${where(line)}日期“${printed}”不是有效日期 (the date ${printed} is not a real date: ${reason})`),
  badIssueNumber: (line: number, printed: string) => problem('no-issue-number', line, `${where(line)}期号“${printed}”读不出数字 (the issue number ${printed} is not a number)`),
  noContent: (line: number | null) => problem('no-content', line, `${where(line)}找不到任何文章或短讯 (no article or brief found)`),
}

/**
 * Binary input: NUL bytes, or U+FFFD replacement characters / control characters in bulk (what a
 * wrong decoding or a zip read as text looks like). A single stray U+FFFD is left to the editor.
 */
export function detectBinary(text: string): ImportProblem | null {
  const nul = text.indexOf('\u0000')
  if (nul >= 0) return problems.binary(lineOf(text, nul), '含有 NUL 字节 / contains NUL bytes')
  let bad = 0
  let first = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c
    if (c === 0xfffd || control) {
      bad++
      if (first < 0) first = i
    }
  }
  if (bad >= 3 && (bad >= 20 || bad / text.length > 0.01)) {
    return problems.binary(lineOf(text, first), '大量无法识别的字符，可能是编码错误或二进制文件 / undecodable bytes in bulk')
  }
  return null
}

function lineOf(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++
  }
  return line
}

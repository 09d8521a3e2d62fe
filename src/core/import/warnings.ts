/**
 * What an editor should look at; the import still succeeds. Each warning carries the 1-based line it
 * is about, so messages do not repeat line numbers (a .docx counts paragraphs as lines).
 */
import type { ImportWarning } from '../bulletin'

const tail = (text: string) => (text.length > 8 ? '…' + text.slice(-8) : text)
const head = (text: string) => (text.length > 8 ? text.slice(0, 8) + '…' : text)
const short = (text: string) => (text.length > 24 ? text.slice(0, 24) + '…' : text)

const w = (line: number, message: string): ImportWarning => ({ line, message })

export const warnings = {
  pageBreakJoined: (line: number, before: string, after: string) =>
    w(line, `疑似分页把一段话断开，已与下一段合并：“${tail(before)}” + “${head(after)}”，请核对 (a paragraph split by a page break was joined)`),
  untitledArticle: (line: number, title: string, entry: number) =>
    w(line, `文章标题不是粗体，已按本期导读第 ${entry} 条识别为“${short(title)}” (article title not bold; found from the contents)`),
  titleByPosition: (line: number, title: string) =>
    w(line, `“${short(title)}”不是粗体，也没有本期导读可对照，已按位置认作标题，请核对 (a plain line read as a title by its position)`),
  strayLatin: (line: number, word: string, context: string) => w(line, `中文里夹有英文单词“${word}”：“${context}”，可能是误输入 (stray Latin word in Chinese text)`),
  contentsEntryWithoutArticle: (line: number, entry: number, title: string) =>
    w(line, `本期导读第 ${entry} 条“${short(title)}”在正文中找不到对应的文章 (contents entry with no article)`),
  articleNotInContents: (line: number, title: string) => w(line, `文章“${short(title)}”没有列入本期导读 (article not listed in the contents)`),
  articleWithoutSource: (line: number, title: string) => w(line, `文章“${short(title)}”末尾没有来源（如“（增城区总工会 涂冬妮）”） (article with no source)`),
  articleWithoutText: (line: number, title: string) => w(line, `文章“${short(title)}”只有标题，没有正文 (article with a title only)`),
  textOutsideArticle: (line: number) => w(line, '这段文字不属于任何文章（前面没有标题），已作为无标题文章保留 (text before any article title kept as an untitled article)'),
  textAfterBrief: (line: number) => w(line, '短讯后面另起了一段，已并入该短讯 (a paragraph after a brief was added to the brief)'),
  itemsOutsideSection: (line: number) => w(line, '正文开头没有栏目标题（如“〔要情动态〕”），这些条目放在无名栏目中 (items before any section heading)'),
  emptySection: (line: number, name: string) => w(line, `栏目“${name}”下没有文章或短讯 (empty section)`),
  noMasthead: (line: number) => w(line, '找不到报头名称，已按“工会信息”处理 (no masthead found; assumed 工会信息)'),
  unknownHeaderText: (line: number, text: string) => w(line, `报头中有未识别的文字“${short(text)}”，已忽略 (unrecognised text in the masthead ignored)`),
  unknownFooterText: (line: number, text: string) => w(line, `落款中有未识别的文字“${short(text)}”，已忽略 (unrecognised text in the footer ignored)`),
  yearMismatch: (line: number, labelYear: number, dateYear: number) =>
    w(line, `期号年份 ${labelYear} 与出版日期年份 ${dateYear} 不一致 (the label's year differs from the date's)`),
  invisibleRemoved: (line: number, names: string[]) =>
    w(line, `这一行有看不见的控制字符（${names.join('、')}），已删除；它们可能使文字显示错乱，请核对 (invisible format characters removed)`),
  strayBold: (line: number) =>
    w(line, '这一行以“**”开头，但不是完整的加粗标题，已按正文保留原样；如果它是标题，请在 Word 中设为粗体 (a line starting with ** is not a whole bold title)'),
  undecodable: (line: number) => w(line, '这一行有无法识别的字符（�），可能是文件编码损坏，请核对原稿 (undecodable character on this line)'),
  duplicateContentsTitle: (line: number, title: string) => w(line, `本期导读中“${short(title)}”出现了不止一次 (title listed twice in the contents)`),
  // What reading the document guessed: an editor should check each.
  furnitureRemoved: (line: number, text: string) => w(line, `已删除页码或页眉“${short(text)}”，它不属于正文 (page number or running header removed)`),
  pdfLinesUnwrapped: (line: number, joined: number) =>
    w(line, `全文像是从 PDF 复制的（每行在固定宽度处折断），已按段首缩进重新分段，共接回 ${joined} 处折行，请核对分段 (hard-wrapped lines unwrapped)`),
  pictureNotIncluded: (line: number, file: string) => w(line, `图片“${short(file)}”没有随文件提供，只保留了它的位置和说明；请导入 Word 原稿以保留图片 (picture file not included)`),
  subheadingNotTitle: (line: number, text: string) => w(line, `粗体行“${short(text)}”没有列入本期导读，已作为文章内的小标题，而不是新文章 (bold line read as a sub-heading)`),
  titleJoined: (line: number, title: string) => w(line, `标题被分页断成两行，已合并为“${short(title)}” (a title split by a page break was joined)`),
  sourceWithoutParentheses: (line: number, text: string) => w(line, `末尾单独一行“${short(text)}”没有括号，已作为来源 (a source without parentheses)`),
  captionGuessed: (line: number, text: string) => w(line, `图片下方的“${short(text)}”已作为图片说明 (line below a picture read as its caption)`),
}

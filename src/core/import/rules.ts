/**
 * The named patterns a bulletin line can match (markedjs style: rules first, then a tokenizer that
 * applies them). Each rule looks at one line, already stripped of its line break.
 */

/** `---`, `***`, `___` (Markdown rules) and the long dashes Word uses as separators. */
export const rule = /^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|[—－─━]{3,})\s*$/

/** `## text`: a Markdown ATX heading of any level (closing #s are stripped by the tokenizer). */
export const markdownHeading = /^\s{0,3}(#{1,6})[ \t]+(.*)$/

/** A whole line in one of the bracket pairs bulletins use for section names: 〔〕 [] 【】 (a bare year is not a name). */
export const bracketedName =
  /^\s*(?![〔[【]\s*[0-9０-９]+\s*[〕\]】])(?:〔\s*([^〔〕]{1,30}?)\s*〕|\[\s*([^[\]]{1,30}?)\s*\]|【\s*([^【】]{1,30}?)\s*】)\s*$/

/** The table of contents' own heading. */
export const contentsTitle = /^(?:本期导读|本期要目|目\s*录)$/

/** `1. title`, `1．title`, `1、title`, `一、title` in the contents list. */
export const numberedEntry = /^\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}(?=\s*、))\s*[.．、]\s*(\S.*)$/

/** `**title** text…`: an article starting with its bold title. */
export const boldLead = /^\s*\*\*(?!\s)(.+?)\*\*(.*)$/

/** `△ text…`: a brief. ▲ is accepted too: editors mix them up. */
export const briefMark = /^\s*[△▲]\s*(.*)$/

/** Footer keys: 报：…, 发：…, 责任编辑：… */
export const footerKey = /^\s*(报|发|责任编辑)(?:\s*[：:]|(?<=责任编辑)\s)\s*(.*)$/

/** Two or more trailing spaces: a Markdown hard line break (the next line continues this one). */
export const hasHardBreak = (line: string) => line.endsWith('  ')

/** The issue label: 〔2020〕第二十期, [2019]第12期, 【2021】第三期, 2021年第三期, or just 第三期. */
export const issueLabel =
  /(?:(?:〔\s*([0-9０-９]{4})\s*〕|\[\s*([0-9０-９]{4})\s*\]|【\s*([0-9０-９]{4})\s*】|[（(]\s*([0-9０-９]{4})\s*[）)]|([0-9０-９]{4})\s*年)\s*)?第\s*([0-9０-９〇零一二两三四五六七八九十百千]{1,8})\s*期/

/** The printing permit, with or without its parentheses: (穗办准印证第089号). */
export const permit = /[（(]?\s*([^（()）\s]*准印证[^（()）\s]*)\s*[)）]?/

/** A source at the very end of a paragraph: （增城区总工会 涂冬妮）. No sentence punctuation inside. */
export const trailingSource = /[（(]([^（()）。，；！？、：:]{1,60})[)）]\s*$/

/** Inside 责任编辑 … : the e-mail address and the phone number. */
export const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/
export const phone = /(?:电话|联系电话|Tel|TEL|tel)\s*[：:]?\s*([0-9０-９][0-9０-９ \-－]*[0-9０-９])/

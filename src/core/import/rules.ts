/**
 * The named patterns a bulletin line can match (markedjs style: rules first, then a tokenizer that
 * applies them). Each rule looks at one line, already stripped of its line break.
 */

/** `---`, `***`, `___` (Markdown rules) and the long dashes Word uses as separators. */
export const rule = /^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|[—－─━]{3,})\s*$/

/** `## text`: a Markdown ATX heading of any level (closing #s are stripped by the tokenizer). */
export const markdownHeading = /^\s{0,3}(#{1,6})[ \t]+(.*)$/

/**
 * A whole line in one of the bracket pairs bulletins use for section names: 〔〕 [] 【】 ［］ 〖〗 (a
 * bare year is not a name). The name is in whichever group matched.
 */
export const bracketedName =
  /^\s*(?![〔[【［〖]\s*[0-9０-９]+\s*[〕\]】］〗])(?:〔\s*([^〔〕]{1,30}?)\s*〕|\[\s*([^[\]]{1,30}?)\s*\]|【\s*([^【】]{1,30}?)\s*】|［\s*([^［］]{1,30}?)\s*］|〖\s*([^〖〗]{1,30}?)\s*〗)\s*$/

/** The table of contents' own heading. */
export const contentsTitle = /^(?:本\s*期\s*导\s*读|本期要目|目\s*录)$/

/**
 * A numbered line: `1. title`, `1．title`, `1、title`, `1<tab>title`, `一、title`, `①title`, `(1) title`,
 * `（一）title`. Group 1, 2 or 3 holds the number; group 4 the rest.
 */
export const numberedEntry =
  /^\s*(?:([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}(?=\s*、))\s*(?:[.．、]|\t)|([①-⑳])|[（(]\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[)）])\s*(\S.*)$/

/** 特刊 (or 特　刊) under the masthead: a special issue. */
export const specialIssue = /^特[\s\u3000]*刊$/

/** A date written with digits only: 2024-07-15, 2024.7.15, 2024/7/15. */
export const numericDate = /(?<![0-9])([0-9]{4})\s*[-./／]\s*([0-9]{1,2})\s*[-./／]\s*([0-9]{1,2})(?![0-9])/

/** `**title** text…`: an article starting with its bold title (spaces inside the stars are tolerated). */
export const boldLead = /^\s*\*\*\s*(?=[^\s*])(.+?)\s*\*\*(.*)$/

/** `△ text…`: a brief. ▲ is accepted too: editors mix them up. */
export const briefMark = /^\s*[△▲]\s*(.*)$/

/** Footer keys: 报：…, 发：…, 责任编辑：… */
export const footerKey = /^\s*(报|发|责任编辑)(?:\s*[：:]|(?<=责任编辑)\s)\s*(.*)$/

/** Two or more trailing spaces: a Markdown hard line break (the next line continues this one). */
export const hasHardBreak = (line: string) => line.endsWith('  ')

const NUMBER = '[0-9０-９〇零一二两三四五六七八九十百千]{1,8}'
/**
 * The issue label: 〔2020〕第二十期, [2019]第12期, 【2021】第三期, 2021年第三期, or just 第三期; a double
 * issue 第一、二期（合刊） or 第11-12期; a running total （总第三百一十二期）. Groups 1–5: the year;
 * 6: the number or numbers; 7: the running total.
 */
export const issueLabel = new RegExp(
  '(?:(?:〔\\s*([0-9０-９]{4})\\s*〕|\\[\\s*([0-9０-９]{4})\\s*\\]|【\\s*([0-9０-９]{4})\\s*】|[（(]\\s*([0-9０-９]{4})\\s*[）)]|([0-9０-９]{4})\\s*年)\\s*)?' +
    `第\\s*(${NUMBER}(?:\\s*[、，,\\-－—~～至]\\s*${NUMBER})*)\\s*期` +
    `(?:\\s*[（(]\\s*(?:总第\\s*(${NUMBER})\\s*期|合\\s*刊)\\s*[)）])*`,
)

/** The printing permit, with or without its parentheses: (穗办准印证第089号). */
export const permit = /[（(]?\s*([^（()）\s]*准印证[^（()）\s]*)\s*[)）]?/

/**
 * A source at the very end of a paragraph: （增城区总工会 涂冬妮）, （天河区总工会、天河区人社局）,
 * （供稿：越秀区总工会）. No sentence punctuation inside; a colon only after a role word.
 */
export const trailingSource = /[（(]((?:(?:供稿|来源|撰稿|文\/图|文|图|记者|通讯员)\s*[：:]\s*)?[^（()）。，；！？：:]{1,60})[)）]\s*$/

/** Words naming a role in a source, not part of a name: （增城区总工会 通讯员　何婉婷）. */
export const sourceRole = /^(?:供稿|来源|撰稿|文\/图|文|图|记者|通讯员)(?:\s*[：:]\s*|[\s\u3000]+|$)/

/** Inside 责任编辑 … : the e-mail address and the phone number. */
export const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/
export const phone = /(?:电话|联系电话|Tel|TEL|tel)\s*[：:]?\s*([0-9０-９][0-9０-９ \-－]*[0-9０-９])/

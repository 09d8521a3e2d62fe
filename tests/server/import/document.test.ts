import fc from 'fast-check'
import JSZip from 'jszip'
import { readText } from '../../../src/core/import'
import { importDocument } from '../../../src/server/import/document'
import { inputBodyText, outputBodyText, withoutSpace } from '../../core/import/fidelity'
import { importIssue, issueOf, readFixture, readSample } from '../../core/import/support'
import { markdownToDocx } from './make-docx'

const encode = (text: string) => new TextEncoder().encode(text)
const errorsOf = async (bytes: Uint8Array, name: string) => {
  const result = await importDocument(bytes, name)
  if (result.ok) throw new Error('expected an import error')
  return result.errors
}

describe('importDocument: text files', () => {
  const sample = readSample()

  it('imports a .md the same as importText', async () => {
    const read = readText(sample)
    expect(await importDocument(encode(sample), 'gonghui-xinxi-2020-20.md')).toEqual({ ...read.result, source: read.source })
  })

  it('reads UTF-8 with a BOM, UTF-16 from Notepad and GB18030 from older Windows alike', async () => {
    const expected = importIssue(sample)
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(sample, 'utf16le'))])
    const gb = readFixture('gonghui-xinxi-2019-12.txt')
    for (const bytes of [new Uint8Array([0xef, 0xbb, 0xbf, ...encode(sample)]), utf16]) {
      expect(issueOf(await importDocument(bytes, 'issue.txt'))).toEqual(expected)
    }
    const gb18030 = encodeGb18030(gb)
    expect(gb18030).not.toEqual(encode(gb))
    expect(issueOf(await importDocument(gb18030, 'issue.txt'))).toEqual(importIssue(gb))
  })

  it('reports an empty file', async () => {
    expect(await errorsOf(new Uint8Array(), 'empty.md')).toEqual([expect.objectContaining({ code: 'empty' })])
  })

  it('reports a binary file named .md as binary', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(0xff)])
    expect((await errorsOf(png, 'picture.md'))[0].code).toBe('binary')
  })

  it('reports old Word and PDF files as unsupported, naming the file', async () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(100).fill(0)])
    const [error] = await errorsOf(doc, 'issue.doc')
    expect(error).toMatchObject({ code: 'unsupported-format', line: null })
    expect(error.message).toMatch(/issue\.doc.*\.docx/)
    expect((await errorsOf(encode('%PDF-1.7\n...'), 'issue.pdf'))[0].code).toBe('unsupported-format')
  })
})

/** GB18030 encoding without a library: Node's TextDecoder can decode it, so build the bytes by search. */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail])
    }
  }
  const bytes: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0))
    else {
      const code = table.get(ch)
      if (!code) throw new Error(`no two-byte GB18030 code for ${ch}`)
      bytes.push(...code)
    }
  }
  return new Uint8Array(bytes)
}

describe('importDocument: .docx', () => {
  const sample = readSample()
  const fromMarkdown = importIssue(sample)

  it('imports a .docx made line for line from the sample to exactly the same Issue, warnings included', async () => {
    const { bytes } = await markdownToDocx(sample, 'lines')
    expect(issueOf(await importDocument(bytes, 'gonghui-xinxi-2020-20.docx'))).toEqual(fromMarkdown)
  })

  it('imports a .docx with Word headings, hard breaks and no empty paragraphs to the same Issue; lines count its paragraphs', async () => {
    const { bytes, lineMap } = await markdownToDocx(sample, 'paragraphs')
    const issue = issueOf(await importDocument(bytes, 'gonghui-xinxi-2020-20.docx'))
    expect({ ...issue, warnings: [] }).toEqual({ ...fromMarkdown, warnings: [] })
    expect(issue.warnings).toEqual(fromMarkdown.warnings.map((w) => ({ ...w, line: lineMap.get(w.line) })))
    expect(issue.warnings[0].line).toBeLessThan(fromMarkdown.warnings[0].line) // really counted differently
  })

  it('reads a contents list that is a real Word numbered list (numbers not in the text, restarted by mammoth)', async () => {
    const { bytes } = await markdownToDocx(sample, 'paragraphs', { wordLists: true })
    const issue = issueOf(await importDocument(bytes, 'numbered.docx'))
    expect({ ...issue, warnings: [] }).toEqual({ ...fromMarkdown, warnings: [] })
    expect(issue.warnings.map((w) => w.message)).toEqual(fromMarkdown.warnings.map((w) => w.message))
  })

  it('keeps bold titles from bold runs, and the fixtures import from .docx too', async () => {
    for (const name of ['gonghui-xinxi-2021-03.md', 'gonghui-xinxi-2022-105.md']) {
      const markdown = readFixture(name)
      const { bytes } = await markdownToDocx(markdown, 'lines')
      const issue = issueOf(await importDocument(bytes, name.replace('.md', '.docx')))
      expect(issue).toEqual(importIssue(markdown))
      expect(withoutSpace(outputBodyText(issue))).toBe(withoutSpace(inputBodyText(markdown)))
    }
  })

  it('reports a .docx that is not a zip, naming the file', async () => {
    const [error] = await errorsOf(encode('just text pretending'), 'broken.docx')
    expect(error).toMatchObject({ code: 'unreadable-docx', line: null })
    expect(error.message).toMatch(/broken\.docx/)
  })

  it('reports a zip that is not a Word document', async () => {
    const zip = new JSZip()
    zip.file('hello.txt', 'not a word document')
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }))
    expect((await errorsOf(bytes, 'fake.docx'))[0].code).toBe('unreadable-docx')
    expect((await errorsOf(bytes, 'fake.zip'))[0].code).toBe('binary')
  })

  it('reports a truncated .docx', async () => {
    const { bytes } = await markdownToDocx(sample, 'lines')
    expect((await errorsOf(bytes.subarray(0, bytes.length / 2), 'cut.docx'))[0].code).toBe('unreadable-docx')
  })
})

describe('importDocument never throws', () => {
  it('on random bytes under any of the accepted names', async () => {
    const zipHeader = new Uint8Array([0x50, 0x4b, 0x03, 0x04])
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), fc.constantFrom('a.docx', 'a.md', 'a.txt', 'a', 'a.DOCX'), async (bytes, asZip, name) => {
        const input = asZip ? new Uint8Array([...zipHeader, ...bytes]) : bytes
        const result = await importDocument(input, name)
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0)
      }),
      { numRuns: 150 },
    )
  })
})

describe('importDocument: damaged text', () => {
  it('keeps a UTF-8 file with one broken byte as UTF-8 and warns on that line', async () => {
    const sample = readSample()
    const bytes = encode(sample)
    const at = Buffer.from(bytes).indexOf(Buffer.from('家政”等 12'))
    const damaged = new Uint8Array([...bytes.subarray(0, at), 0xe5, ...bytes.subarray(at)]) // a lone lead byte
    const issue = issueOf(await importDocument(damaged, 'damaged.md'))
    expect(issue.label).toBe('〔2020〕第二十期')
    expect(issue.warnings).toContainEqual({ line: 32, message: expect.stringMatching(/无法识别的字符/) })
  })
})

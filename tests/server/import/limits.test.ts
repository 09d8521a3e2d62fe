/** A .docx that would take the server down is refused before mammoth reads it, in plain words. */
import JSZip from 'jszip'
import { importDocument } from '../../../src/server/import/document'
import { DOCX_LIMITS } from '../../../src/server/import/read-document'
import { issueOf, readSample } from '../../core/import/support'
import { markdownToDocx } from './make-docx'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`

/** A real .docx with its document.xml replaced by `xml` (the rest as Word made it). */
async function docxWith(xml: string): Promise<Uint8Array> {
  const { bytes } = await markdownToDocx(readSample(), 'lines')
  const zip = await JSZip.loadAsync(bytes)
  zip.file('word/document.xml', xml)
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }))
}

const errorsOf = async (bytes: Uint8Array, name: string) => {
  const result = await importDocument(bytes, name)
  if (result.ok) throw new Error('expected the document to be refused')
  return result.errors
}

describe('a .docx past the limits', () => {
  it('refuses a zip bomb: a small file whose text unpacks past the limit', async () => {
    const paragraph = '<w:p><w:r><w:t>工</w:t></w:r></w:p>'
    const bomb = await docxWith(documentXml(paragraph.repeat(Math.ceil((DOCX_LIMITS.documentXmlBytes + 1) / paragraph.length))))
    expect(bomb.length).toBeLessThan(DOCX_LIMITS.documentXmlBytes / 100)
    const [error] = await errorsOf(bomb, 'bomb.docx')
    expect(error).toMatchObject({ code: 'too-large', line: null })
    expect(error.message).toMatch(/^bomb\.docx：文件过大或段落过多/)
  })

  it('refuses a document of more paragraphs than any bulletin has', async () => {
    const many = await docxWith(documentXml('<w:p/>'.repeat(DOCX_LIMITS.paragraphs + 1)))
    const [error] = await errorsOf(many, 'many.docx')
    expect(error).toMatchObject({ code: 'too-large', line: null })
    expect(error.message).toMatch(/段落过多/)
  })

  it('still imports a real .docx, and a zip that lies about nothing is checked at no cost to the result', async () => {
    const { bytes } = await markdownToDocx(readSample(), 'lines')
    expect(issueOf(await importDocument(bytes, 'sample.docx')).label).toBe('〔2020〕第二十期')
  })

  it('refuses a text file too large to be a bulletin', async () => {
    const huge = new Uint8Array(9 * 1024 * 1024).fill(0x41)
    expect((await errorsOf(huge, 'huge.txt'))[0].code).toBe('too-large')
  })
})

import { Image, ScrollView, Text, View } from './ui'
import type { Block, ImageBlock } from '../core/bulletin'
import { PICTURE_WIDTH, PREVIEW_WIDTH, TABLE_REGION_LABEL } from '../core/api'
import { asHeading, asScrollRegion } from './a11y'

/** Where a picture is fetched from at a width (the page gives it: components know no address). */
export type PictureUrl = (mediaId: string, width: number) => string

export { PICTURE_WIDTH, PREVIEW_WIDTH }

export interface ArticleBlocksProps {
  blocks: Block[]
  pictureUrl: PictureUrl
  /** A picture tapped: its enlarged address and every picture's of the article, in order. */
  onPreview?: (current: string, all: string[]) => void
}

const shown = (b: Block): b is ImageBlock & { mediaId: string } => b.kind === 'image' && b.mediaId !== null

/**
 * An article's blocks as it was written: paragraphs, sub-headings, list items, tables (which scroll
 * sideways when wider than the phone, every cell in order) and pictures with their captions (tap
 * to enlarge). Selectable text, like the paragraphs of ArticleBody.
 */
export default function ArticleBlocks({ blocks, pictureUrl, onPreview }: ArticleBlocksProps) {
  const previews = blocks.filter(shown).map((b) => pictureUrl(b.mediaId, PREVIEW_WIDTH))
  return (
    <View className='blocks'>
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'paragraph':
            return (
              <Text key={i} className='para' userSelect selectable>
                {block.text}
              </Text>
            )
          case 'subheading':
            return (
              <Text key={i} className='h2 block-subheading' userSelect selectable {...asHeading(2)}>
                {block.text}
              </Text>
            )
          case 'list-item':
            return (
              <View key={i} className='block-list-item'>
                <Text className='block-marker'>{block.marker}</Text>
                <Text className='grow' userSelect selectable>
                  {block.text}
                </Text>
              </View>
            )
          case 'table':
            return (
              <ScrollView key={i} scrollX className='block-table-scroll' {...asScrollRegion(TABLE_REGION_LABEL)}>
                <View className='block-table'>
                  {block.rows.map((row, r) => (
                    <View key={r} className={r === 0 ? 'block-tr block-th' : 'block-tr'}>
                      {row.map((cell, c) => (
                        <View key={c} className='block-td'>
                          <Text userSelect selectable>
                            {cell}
                          </Text>
                        </View>
                      ))}
                    </View>
                  ))}
                </View>
              </ScrollView>
            )
          case 'image': {
            const { mediaId, caption, width, height } = block
            return (
              <View key={i} className='block-picture'>
                {mediaId === null ? null : (
                  <Image
                    className='block-image'
                    src={pictureUrl(mediaId, PICTURE_WIDTH)}
                    mode='widthFix'
                    lazyLoad
                    // Its words for a screen reader: H5's img takes alt (the mini-program's image has no such attribute).
                    nativeProps={{ alt: caption ?? '图片' }}
                    style={width && height ? { aspectRatio: `${width} / ${height}`, maxWidth: `${width}PX` } : undefined}
                    onClick={() => onPreview?.(pictureUrl(mediaId, PREVIEW_WIDTH), previews)}
                  />
                )}
                {caption ? <Text className='muted block-caption'>{caption}</Text> : null}
              </View>
            )
          }
        }
      })}
    </View>
  )
}

/** JSON schema pieces shared by routes. additionalProperties: false everywhere: unknown fields are errors. */
export const idSchema = { type: 'integer', minimum: 1, maximum: 2147483647 } as const

export function idParams(name: string) {
  return { type: 'object', properties: { [name]: idSchema }, required: [name], additionalProperties: false } as const
}

export const noQuery = { type: 'object', properties: {}, additionalProperties: false } as const

export const errorResponse = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
      required: ['code', 'message'],
    },
  },
} as const

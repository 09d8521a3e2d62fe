/** JSON schema pieces shared by routes. additionalProperties: false everywhere: unknown fields are errors. */
/** Ids are PostgreSQL `integer`s: 1 … 2^31−1. */
export const MAX_ID = 2147483647
export const idSchema = { type: 'integer', minimum: 1, maximum: MAX_ID } as const

export function idParams(name: string) {
  return { type: 'object', properties: { [name]: idSchema }, required: [name], additionalProperties: false } as const
}

export const noQuery = { type: 'object', properties: {}, additionalProperties: false } as const

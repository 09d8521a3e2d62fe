/**
 * Console passwords, hashed with scrypt (node:crypto): a random 16-byte salt per password and the
 * cost parameters stored with the hash (`scrypt$N$r$p$salt$hash`, base64url), so they can be raised
 * later without locking anyone out. Checking compares in constant time; an unknown name is checked
 * against a dummy hash, so it costs the same as a wrong password.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** N = 2^15, r = 8, p = 1: 32 MiB and tens of milliseconds per check. */
const COST = { N: 32768, r: 8, p: 1 }
const KEY_LENGTH = 32
/** The most memory a stored hash may ask for (guards against a forged, huge N). */
const MAX_MEMORY = 256 * 1024 * 1024

/** Passwords shorter than this are refused when an account is created or changed. */
export const MIN_PASSWORD_LENGTH = 8

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))))
}

const memoryOf = (o: { N: number; r: number }) => 128 * o.N * o.r * 2

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEY_LENGTH, { ...COST, maxmem: memoryOf(COST) })
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

interface Parsed {
  N: number
  r: number
  p: number
  salt: Buffer
  key: Buffer
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const [N, r, p] = parts.slice(1, 4).map(Number)
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || memoryOf({ N, r }) > MAX_MEMORY) return null
  const salt = Buffer.from(parts[4], 'base64url')
  const key = Buffer.from(parts[5], 'base64url')
  return salt.length > 0 && key.length > 0 ? { N, r, p, salt, key } : null
}

/** Whether `password` is the one `stored` was made from (false for a malformed hash, never throws on it). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored)
  if (!parsed) return false
  const { N, r, p, salt, key } = parsed
  const given = await scrypt(password, salt, key.length, { N, r, p, maxmem: memoryOf({ N, r }) })
  return timingSafeEqual(given, key)
}

let dummy: Promise<string> | null = null
/** A hash of nothing anyone knows, made once: what an unknown name's sign-in is checked against. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'))
  return dummy
}

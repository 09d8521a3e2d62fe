// The one name release 0.1's migrations import from its storage.ts (the rest of that file is not needed here).
export type Dialect = 'sqlite' | 'postgres'

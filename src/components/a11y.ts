/**
 * What makes a tappable View or Button a control for screen readers and keyboards too: a role, a
 * place in the Tab order, and (through the page's keyboard handler, services/keyboard.ts) Enter and
 * Space. Spread onto the element: `<View {...asButton()} onClick=…>`. The mini-program ignores these.
 */
export const asButton = (pressed?: boolean) => ({ role: 'button', tabIndex: 0, ...(pressed === undefined ? {} : { 'aria-pressed': pressed }) })
/** Leads to another page: announced as a link. */
export const asLink = () => ({ role: 'link', tabIndex: 0 })
/** A heading at `level` (1 is the page's title). */
export const asHeading = (level: 1 | 2 | 3) => ({ role: 'heading', 'aria-level': level })
/** A region that scrolls on its own: reachable by Tab so the keyboard can scroll it too. */
export const asScrollRegion = (label: string) => ({ role: 'region', tabIndex: 0, 'aria-label': label })

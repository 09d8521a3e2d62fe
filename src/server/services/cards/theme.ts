/** The cards' shared look: the union red of the printed bulletin's masthead, on white. */
export const theme = {
  red: '#c8161d',
  redDark: '#9e0f15',
  ink: '#1b1b1b',
  body: '#3d3d3d',
  muted: '#7a7a7a',
  rule: '#ececec',
  paper: '#ffffff',
  tint: '#fdf3f2',
} as const

/** The centred grey title a chart shows when it has nothing to draw (暂无转载, 暂无话题 …). */
export function emptyTitle(text: string): Record<string, unknown> {
  return { text, left: 'center', top: 'middle', textStyle: { color: '#a0a4ab', fontSize: 14 } };
}

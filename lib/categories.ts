/** The sections of the site: stored values and their French labels. */
export const ARTICLE_CATEGORIES = [
  { label: 'Mobilité', value: 'mobilite' },
  { label: 'Tech', value: 'tech' },
  { label: 'Écrans', value: 'ecrans' },
  { label: 'Énergie', value: 'energie' },
] as const

export function categoryLabel(value: string): string {
  return ARTICLE_CATEGORIES.find((c) => c.value === value)?.label ?? value
}

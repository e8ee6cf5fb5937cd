type Props = { platform: string; productionCompany: string | null; className?: string }

/** Where to watch a series and who made it. */
export function SeriesFacts({ platform, productionCompany, className = 'facts' }: Props) {
  return (
    <dl className={className}>
      <dt>Plateforme</dt>
      <dd>{platform}</dd>
      {productionCompany ? (
        <>
          <dt>Production</dt>
          <dd>{productionCompany}</dd>
        </>
      ) : null}
    </dl>
  )
}

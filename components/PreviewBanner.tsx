type Props = {
  /** The exit route for this page (lib/routes.ts `exitPreviewHref`). */
  exitHref: string
}

/** Says, on every preview render, that this is not what readers see, and offers the way out. */
export function PreviewBanner({ exitHref }: Props) {
  return (
    <div className="preview-banner" role="region" aria-label="Mode aperçu">
      <p>
        <strong>Aperçu — version non publiée</strong>
        <span className="preview-banner-note"> Les lecteurs ne voient pas cette version.</span>
      </p>
      <a className="preview-banner-exit" href={exitHref}>
        Quitter l’aperçu
      </a>
    </div>
  )
}

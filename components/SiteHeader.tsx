type Props = { publicationName: string; tagline: string | null }

export function SiteHeader({ publicationName, tagline }: Props) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <div className="container">
        <a className="brand" href="/">
          {publicationName}
        </a>
        {tagline ? <span className="tagline">{tagline}</span> : null}
      </div>
    </header>
  )
}

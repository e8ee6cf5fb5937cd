type Props = { publicationName: string }

export function SiteFooter({ publicationName }: Props) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{publicationName} · Notre journalisme reste ouvert à toutes et à tous.</p>
      </div>
    </footer>
  )
}

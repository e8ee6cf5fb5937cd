export default function NotFound() {
  return (
    <>
      <h1 className="page-title">Page introuvable</h1>
      <p>
        Cette page n’existe pas ou n’est pas encore publiée. <a href="/">Revenir à l’accueil</a>
      </p>
    </>
  )
}

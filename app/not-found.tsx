import { getMessages } from "@/server/i18n/locale";

/** The site's own 404, in the visitor's language, complete without JavaScript. */
export default async function NotFound() {
  const { t } = await getMessages();
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <p>
        <a href="/">{t.notFound.home}</a>
      </p>
    </>
  );
}

import { refusalOf } from "@/server/http";
import { formatWait } from "@/server/i18n/format";
import { getMessages, titled } from "@/server/i18n/locale";
import { signInAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("signIn", { robots: { index: false } });

/** Sign-in: a plain POST form (works without JavaScript; the password never goes into a URL). */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ gagal?: string; detik?: string }>;
}) {
  const { locale, t } = await getMessages();
  const s = t.signIn;
  const failed = refusalOf(await searchParams);
  return (
    <>
      <h1>{s.title}</h1>
      <p className="muted">{s.intro}</p>
      <form action={signInAction} className="inline">
        <label htmlFor="username">{s.username}</label>
        <input id="username" name="username" autoComplete="username" autoCapitalize="none" required maxLength={64} />
        <label htmlFor="password">{s.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} />
        {failed && (
          <p className="warn" role="alert">
            {failed === "denied" ? s.wrong : s.wait(formatWait(failed.waitSeconds, locale))}
          </p>
        )}
        <div>
          <button type="submit">{s.submit}</button>
        </div>
      </form>
    </>
  );
}

import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getDatabase } from "@/db/client";
import { anyDemoGroup } from "@/server/read/public-figures";
import { getMessages } from "@/server/i18n/locale";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: { default: t.siteName, template: `%s · ${t.siteName}` }, description: t.description };
}
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Plain links (not next/link): public pages carry no script, and from /admin a public page loads
// whole anyway (the front server answers it as a document) — the app's first script stays lighter.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getMessages();
  const { db } = await getDatabase();
  const anyDemo = await anyDemoGroup(db);
  const here = (await headers()).get("x-kt-path") ?? "/";
  const switchLanguage = (
    <a
      href={`/bahasa?ke=${locale === "id" ? "en" : "id"}&kembali=${encodeURIComponent(here)}`}
      hrefLang={locale === "id" ? "en" : "id"}
      lang={locale === "id" ? "en" : "id"}
    >
      {t.switchTo}
    </a>
  );
  // The treasurer's phone screen (issue #26): one line on top — the name, the demo label, the language —
  // so the first screen of every tab is the tab itself, not the public site's menu.
  if (here === "/admin" || here.startsWith("/admin?")) {
    return (
      <html lang={locale}>
        <body>
          <a className="skip" href="#isi">
            {t.skip}
          </a>
          <header className="site compact">
            <a className="brand" href="/">
              {t.siteName}
            </a>
            {anyDemo && (
              <span className="badge" role="note" title={t.demoBanner}>
                {t.demoShort}
              </span>
            )}
            {switchLanguage}
          </header>
          <main id="isi">{children}</main>
          <footer className="site">{t.footer}</footer>
        </body>
      </html>
    );
  }
  return (
    <html lang={locale}>
      <body>
        <a className="skip" href="#isi">
          {t.skip}
        </a>
        <header className="site">
          <a className="brand" href="/">
            {t.siteName}
          </a>{" "}
          <span className="muted" style={{ color: "#dfe" }}>
            {t.tagline}
          </span>
          <nav aria-label="Menu">
            <ul>
              <li>
                <a href="/">{t.nav.home}</a>
              </li>
              <li>
                <a href="/dampak">{t.nav.impact}</a>
              </li>
              <li>
                <a href="/bandingkan">{t.nav.compare}</a>
              </li>
              <li>
                <a href="/anggota">{t.nav.passbook}</a>
              </li>
              <li>
                <a href="/data">{t.nav.data}</a>
              </li>
              <li>
                <a href="/metodologi">{t.nav.method}</a>
              </li>
              <li>{switchLanguage}</li>
            </ul>
          </nav>
        </header>
        {anyDemo && (
          <p className="demo-banner" role="note">
            {t.demoBanner}
          </p>
        )}
        <main id="isi">{children}</main>
        <footer className="site">{t.footer}</footer>
      </body>
    </html>
  );
}

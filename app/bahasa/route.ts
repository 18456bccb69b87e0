import type { NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/server/i18n/locale";
import { LOCALES } from "@/server/i18n/messages";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * GET /bahasa?ke=en&kembali=/kelompok/ratu-damai — remembers the language and goes back, with no
 * JavaScript: a tiny page with a meta refresh to a relative URL, so the browser stays on the
 * host it came by (the cookie belongs to that host; Next would rewrite a redirect to its own).
 */
export function GET(req: NextRequest) {
  const to = req.nextUrl.searchParams.get("ke");
  const back = req.nextUrl.searchParams.get("kembali") ?? "/";
  const safeBack = /^\/(?!\/)[^\s\\]*$/.test(back) ? back : "/";
  const lang = LOCALES.includes(to as never) ? to! : null;
  const href = escapeHtml(safeBack);
  const html = `<!doctype html><html lang="${lang ?? "id"}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><meta name="viewport" content="width=device-width"><title>Kas Terbuka</title></head><body><p><a href="${href}">${lang === "en" ? "Continue" : "Lanjut"} →</a></p></body></html>`;
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  if (lang)
    headers.append("Set-Cookie", `${LOCALE_COOKIE}=${lang}; Path=/; Max-Age=${365 * 86_400}; SameSite=Lax; HttpOnly`);
  return new Response(html, { headers });
}

import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/server/i18n/locale";
import { LOCALES } from "@/server/i18n/messages";

/** GET /bahasa?ke=en&kembali=/kelompok/ratu-damai — remembers the language and goes back (no JavaScript needed). */
export function GET(req: NextRequest) {
  const to = req.nextUrl.searchParams.get("ke");
  const back = req.nextUrl.searchParams.get("kembali") ?? "/";
  const safeBack = back.startsWith("/") && !back.startsWith("//") && !back.includes("\\") ? back : "/";
  // A relative Location keeps the visitor on the host they came by (the cookie belongs to it).
  const res = new NextResponse(null, { status: 303, headers: { Location: safeBack } });
  if (LOCALES.includes(to as never)) res.cookies.set(LOCALE_COOKIE, to!, { path: "/", maxAge: 365 * 86_400, sameSite: "lax", httpOnly: true });
  return res;
}

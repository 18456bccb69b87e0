import { NextResponse, type NextRequest } from "next/server";
import { strictTransportSecurity } from "@/server/http";

/**
 * Runs before every page: a fresh CSP nonce per request (Next puts it on its own inline
 * scripts, and no other inline script runs), and the request path for the no-JavaScript
 * language switch.
 */
export function proxy(req: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // Inline style attributes (chart SVG, a few layout tweaks); no inline script is allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const h = new Headers(req.headers);
  h.set("x-kt-path", req.nextUrl.pathname + req.nextUrl.search);
  h.set("x-nonce", nonce);
  h.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: h } });
  res.headers.set("Content-Security-Policy", csp);
  const hsts = strictTransportSecurity(process.env.NEXTAUTH_URL);
  if (hsts) res.headers.set("Strict-Transport-Security", hsts);
  return res;
}

export const config = { matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }] };

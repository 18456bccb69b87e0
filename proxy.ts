import { NextResponse, type NextRequest } from "next/server";

/** Passes the request path to server components (for the no-JavaScript language switch). */
export function proxy(req: NextRequest) {
  const h = new Headers(req.headers);
  h.set("x-kt-path", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers: h } });
}

export const config = { matcher: ["/((?!_next/|api/|favicon.ico).*)"] };

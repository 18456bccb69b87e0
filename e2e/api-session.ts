import type { APIRequestContext } from "@playwright/test";

/** Signs in through next-auth's own HTTP flow (CSRF token, credentials callback); the context keeps the cookie. */
export async function signInApi(
  request: APIRequestContext,
  baseURL: string,
  username: string,
  password: string,
): Promise<void> {
  // A 503 says "starting or busy, try again shortly" (Retry-After): a client may, once.
  let csrf = await request.get(`${baseURL}/api/auth/csrf`);
  if (csrf.status() === 503 && csrf.headers()["retry-after"]) {
    await new Promise((r) => setTimeout(r, Number(csrf.headers()["retry-after"]) * 1000));
    csrf = await request.get(`${baseURL}/api/auth/csrf`);
  }
  const { csrfToken } = await csrf.json();
  const r = await request.post(`${baseURL}/api/auth/callback/credentials`, {
    form: { csrfToken, username, password, json: "true" },
    maxRedirects: 0,
  });
  if (r.status() >= 400) throw new Error(`sign-in failed: ${r.status()}`);
}

/** A tRPC v11 mutation over HTTP, from the portal's own origin. */
export function mutate(request: APIRequestContext, baseURL: string, path: string, input: unknown) {
  return request.post(`${baseURL}/api/trpc/${path}`, {
    data: input,
    headers: { origin: baseURL, "content-type": "application/json" },
    timeout: 10_000,
  });
}

export const todayWita = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Makassar",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

import type { APIRequestContext } from "@playwright/test";

/** Signs in through next-auth's own HTTP flow (CSRF token, credentials callback); the context keeps the cookie. */
export async function signInApi(
  request: APIRequestContext,
  baseURL: string,
  username: string,
  password: string,
): Promise<void> {
  const { csrfToken } = await (await request.get(`${baseURL}/api/auth/csrf`)).json();
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

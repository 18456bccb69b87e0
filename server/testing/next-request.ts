/**
 * One request as Next's server actions see it, for testing an action outside Next: the request
 * headers it reads (`next/headers` headers()), the cookies it sets (cookies().set, kept as the
 * attributes of each Set-Cookie) and where it redirects (`next/navigation` redirect()). Use with
 * vi.mock("next/headers", () => import("@/server/testing/next-request").then((m) => m.headersModule))
 * and the same for "next/navigation" with navigationModule.
 */
export interface SetCookie {
  name: string;
  value: string;
  httpOnly?: boolean;
  sameSite?: string;
  secure?: boolean;
  path?: string;
  maxAge?: number;
}

export const request = {
  headers: new Headers(),
  set: [] as SetCookie[],
};

/** Starts a new request with these headers. */
export function newRequest(headers: Record<string, string>): void {
  request.headers = new Headers(headers);
  request.set = [];
}

/** What redirect() throws (as Next's does), so the action stops there. */
export class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

/** Runs a server action and gives where it redirected to (every action here ends in a redirect). */
export async function redirectOf(action: Promise<void>): Promise<string> {
  try {
    await action;
  } catch (e) {
    if (e instanceof Redirected) return e.url;
    throw e;
  }
  throw new Error("the action did not redirect");
}

export const headersModule = {
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => {
      const v = /* the request's own cookies */ request.headers
        .get("cookie")
        ?.split(";")
        .map((p) => p.trim().split("="))
        .find(([k]) => k === name)?.[1];
      return v === undefined ? undefined : { name, value: v };
    },
    set: (a: string | SetCookie, value?: string, options?: Omit<SetCookie, "name" | "value">) => {
      request.set.push(typeof a === "string" ? { name: a, value: value ?? "", ...options } : a);
    },
    delete: () => {},
  }),
};

export const navigationModule = {
  redirect: (url: string): never => {
    throw new Redirected(url);
  },
};

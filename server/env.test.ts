import { describe, expect, it } from "vitest";
import { checkEnv } from "./env";

describe("the environment, checked at start", () => {
  it("takes an empty environment (every default) and good values", () => {
    expect(checkEnv({})).toEqual({});
    expect(
      checkEnv({
        DATABASE_URL: "file:data/kas.db",
        NEXTAUTH_URL: "https://kas.example.org",
        PORT: "3000",
        TRUST_PROXY: "1",
      }),
    ).toMatchObject({ PORT: 3000, TRUST_PROXY: "1" });
  });

  it("names every wrong variable at once", () => {
    let message = "";
    try {
      checkEnv({
        DATABASE_URL: "postgres://x",
        PORT: "tiga ribu",
        TRUST_PROXY: "yes",
        NEXTAUTH_SECRET: "short",
        NEXTAUTH_URL: "kas",
      });
    } catch (e) {
      message = (e as Error).message;
    }
    for (const v of ["DATABASE_URL", "PORT", "TRUST_PROXY", "NEXTAUTH_SECRET", "NEXTAUTH_URL"])
      expect(message).toContain(`  ${v}: `);
  });
});

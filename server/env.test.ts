import { describe, expect, it } from "vitest";
import { checkEnv, derivedKey, settingsChanged } from "./env";

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
  it("derives a key of its own from the session secret, and none without one", () => {
    const saved = process.env.NEXTAUTH_SECRET;
    try {
      process.env.NEXTAUTH_SECRET = "a".repeat(40);
      settingsChanged();
      const a = derivedKey("device-cookie");
      expect(a).toHaveLength(32);
      expect(a.equals(Buffer.from("a".repeat(40)))).toBe(false);
      process.env.NEXTAUTH_SECRET = "b".repeat(40);
      settingsChanged();
      expect(derivedKey("device-cookie").equals(a)).toBe(false);
      delete process.env.NEXTAUTH_SECRET;
      settingsChanged();
      expect(() => derivedKey("device-cookie")).toThrow(/NEXTAUTH_SECRET/);
    } finally {
      if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
      else process.env.NEXTAUTH_SECRET = saved;
      settingsChanged();
    }
  });
});

import { describe, expect, it } from "vitest";
import { cookieOf, deviceCookieOf, refusalOf, refusedUrl, strictTransportSecurity } from "./http";

describe("http helpers", () => {
  it("sends Strict-Transport-Security only when the portal is served over https", () => {
    expect(strictTransportSecurity("https://kas.example")).toBe("max-age=31536000");
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });
  it("a refused form comes back with its reason, and a wait with its seconds", () => {
    expect(refusedUrl("/masuk", { kind: "unauthorized", params: {} })).toBe("/masuk?gagal=1");
    expect(refusedUrl("/anggota", { kind: "too_many", params: { waitSeconds: 20 } })).toBe(
      "/anggota?gagal=tunggu&detik=20",
    );
    expect(refusalOf({ gagal: "tunggu", detik: "20" })).toEqual({ waitSeconds: 20 });
    expect(refusalOf({ gagal: "tunggu", detik: "999999" })).toEqual({ waitSeconds: 3600 });
    expect(refusalOf({ gagal: "1" })).toBe("denied");
    expect(refusalOf({})).toBeNull();
  });
  it("reads one cookie from a Cookie header; a malformed one is no cookie", () => {
    expect(cookieOf("bahasa=id; perangkat=v1.abc.def", "perangkat")).toBe("v1.abc.def");
    expect(cookieOf("perangkat-buku=v1.x.y", "perangkat")).toBeNull();
    expect(deviceCookieOf("passbook", "perangkat=a; perangkat-buku=b")).toBe("b");
    expect(deviceCookieOf("signin", "perangkat=a; perangkat-buku=b")).toBe("a");
    expect(cookieOf("perangkat=%E0%A4%A", "perangkat")).toBeNull();
    expect(cookieOf(null, "perangkat")).toBeNull();
  });
});

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  DEVICE_COOKIE_LIFETIME_MS,
  DEVICE_COOKIE_MAX_SUBJECTS,
  deviceCookieAfterSuccess,
  knownDeviceFor,
  readDeviceCookie,
  writeDeviceCookie,
} from "./device";

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const NOW = Date.UTC(2026, 11, 7);
const fixedId = () => "AAAAAAAAAAAAAAAAAAAAAA";

/** The same string with one character at `i` changed to another allowed one. */
const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);

describe("device cookie", () => {
  const issued = writeDeviceCookie("signin", deviceCookieAfterSuccess(null, "bendahara", NOW, fixedId), KEY);

  it("names the subject and the device, and is known for that subject only", () => {
    const read = readDeviceCookie("signin", issued, KEY, NOW);
    expect(read).toEqual({
      deviceId: fixedId(),
      subjects: [{ subject: "bendahara", expiresAt: NOW + DEVICE_COOKIE_LIFETIME_MS }],
    });
    expect(knownDeviceFor(read, "bendahara", NOW)).toBe(fixedId());
    expect(knownDeviceFor(read, "pengawas", NOW)).toBeNull();
    expect(knownDeviceFor(null, "bendahara", NOW)).toBeNull();
  });

  it("a changed character anywhere, another key or the other kind reads as no cookie", () => {
    for (let i = 3; i < issued.length; i++) {
      if (issued[i] === ".") continue;
      expect(readDeviceCookie("signin", flip(issued, i), KEY, NOW), `position ${i}`).toBeNull();
    }
    expect(readDeviceCookie("signin", issued, OTHER_KEY, NOW)).toBeNull();
    expect(readDeviceCookie("passbook", issued, KEY, NOW)).toBeNull();
    for (const junk of ["", "v1..", "v1.e30.", `${issued}x`, `v2${issued.slice(2)}`, issued.replace("v1.", "")])
      expect(readDeviceCookie("signin", junk, KEY, NOW)).toBeNull();
  });

  it("a well-signed payload of the wrong shape reads as no cookie", () => {
    // A hand-made payload signed with the real key (what only the portal could do).
    const signed = (payload: unknown) => {
      const body = `v1.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
      return `${body}.${createHmac("sha256", KEY).update(`signin:${body}`).digest("base64url")}`;
    };
    expect(readDeviceCookie("signin", signed({ d: fixedId(), s: [["x", NOW + 1]] }), KEY, NOW)).not.toBeNull();
    for (const bad of [{ d: "short", s: [] }, { d: fixedId(), s: "x" }, { d: fixedId(), s: [[1, 2]] }, [], null])
      expect(readDeviceCookie("signin", signed(bad), KEY, NOW)).toBeNull();
  });

  it("an expired entry is no longer known; a success renews it and keeps the device id", () => {
    const later = NOW + DEVICE_COOKIE_LIFETIME_MS;
    const read = readDeviceCookie("signin", issued, KEY, later);
    expect(knownDeviceFor(read, "bendahara", later)).toBeNull();
    const renewed = deviceCookieAfterSuccess(read, "bendahara", later, () => "never-used-never-used");
    expect(renewed).toEqual({
      deviceId: fixedId(),
      subjects: [{ subject: "bendahara", expiresAt: later + DEVICE_COOKIE_LIFETIME_MS }],
    });
  });

  it("keeps several subjects of one browser, newest first, up to the cap", () => {
    let c = deviceCookieAfterSuccess(null, "s0", NOW, fixedId);
    for (let i = 1; i <= DEVICE_COOKIE_MAX_SUBJECTS; i++) c = deviceCookieAfterSuccess(c, `s${i}`, NOW + i, fixedId);
    expect(c.subjects.map((s) => s.subject)).toEqual(
      Array.from({ length: DEVICE_COOKIE_MAX_SUBJECTS }, (_, i) => `s${DEVICE_COOKIE_MAX_SUBJECTS - i}`),
    );
    c = deviceCookieAfterSuccess(c, "s3", NOW + 99, fixedId);
    expect(c.subjects[0]!.subject).toBe("s3");
    expect(c.subjects.filter((s) => s.subject === "s3")).toHaveLength(1);
    const read = readDeviceCookie("passbook", writeDeviceCookie("passbook", c, KEY), KEY, NOW + 100);
    expect(read).toEqual(c);
  });

  it("a new browser gets a fresh random device id", () => {
    const a = deviceCookieAfterSuccess(null, "x", NOW).deviceId;
    const b = deviceCookieAfterSuccess(null, "x", NOW).deviceId;
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
  });
});

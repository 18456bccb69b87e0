/**
 * Device cookies for the services that check a secret (sign-in, passbook): read the one a browser
 * sent, and make the renewed one after a success. Signed with a key derived from NEXTAUTH_SECRET;
 * the form and the rules are in server/domain/device.ts.
 */
import {
  type DeviceCookie,
  type DeviceKind,
  deviceCookieAfterSuccess,
  knownDeviceFor,
  readDeviceCookie,
  writeDeviceCookie,
} from "@/server/domain/device";
import { derivedKey } from "@/server/env";

/** What a browser's device cookie says about one try: its content, and its device id when known for `subject`. */
export interface DeviceSeen {
  cookie: DeviceCookie | null;
  knownDevice: string | null;
}

export function deviceSeen(
  kind: DeviceKind,
  value: string | null | undefined,
  subject: string,
  now: number,
): DeviceSeen {
  // No cookie sent: nothing to check (and no secret needed, e.g. a command-line sign-in check).
  const cookie = value ? readDeviceCookie(kind, value, derivedKey("device-cookie"), now) : null;
  return { cookie, knownDevice: knownDeviceFor(cookie, subject, now) };
}

/** The cookie value to send back after `subject` proved herself on this browser. */
export function renewedDevice(kind: DeviceKind, seen: DeviceSeen, subject: string, now: number): string {
  return writeDeviceCookie(kind, deviceCookieAfterSuccess(seen.cookie, subject, now), derivedKey("device-cookie"));
}

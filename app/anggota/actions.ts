"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { isHttpsPortal } from "@/server/auth/options";
import { clientAddress, deviceCookieOf, deviceCookieSetting, refusedUrl } from "@/server/http";
import {
  openPassbookOnDevice,
  PASSBOOK_COOKIE,
  PASSBOOK_TTL_MS,
  passbookSecret,
  passbookTicket,
} from "@/server/read/passbook";

/**
 * Opens the passbook: a form POST that works without JavaScript, answered by a redirect. The
 * browser's device cookie for passbooks is read and renewed (see openPassbookOnDevice).
 */
export async function openPassbookAction(form: FormData): Promise<void> {
  const h = await headers();
  const address = clientAddress(h);
  const database = await getDatabase();
  let opened: Awaited<ReturnType<typeof openPassbookOnDevice>>;
  try {
    opened = await openPassbookOnDevice(database, {
      groupSlug: String(form.get("kelompok") ?? ""),
      memberCode: String(form.get("kode") ?? ""),
      checkCode: String(form.get("kodeCek") ?? ""),
      address,
      device: deviceCookieOf("passbook", h.get("cookie")),
    });
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    // Back to the form with her group and member code still in it: only the kode cek is typed again.
    const typed = new URLSearchParams({
      kelompok: String(form.get("kelompok") ?? "").slice(0, 64),
      kode: String(form.get("kode") ?? "").slice(0, 32),
    });
    redirect(`${refusedUrl("/anggota", e)}&${typed}`);
  }
  const secure = isHttpsPortal() || h.get("x-forwarded-proto") === "https";
  const jar = await cookies();
  jar.set(deviceCookieSetting("passbook", opened.device, secure));
  jar.set(PASSBOOK_COOKIE, passbookTicket(opened.memberId, passbookSecret()), {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/anggota",
    maxAge: PASSBOOK_TTL_MS / 1000,
  });
  redirect("/anggota");
}

export async function closePassbookAction(): Promise<void> {
  (await cookies()).delete({ name: PASSBOOK_COOKIE, path: "/anggota" });
  redirect("/anggota");
}

"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { clientAddress, refusedUrl } from "@/server/http";
import {
  openPassbook,
  PASSBOOK_COOKIE,
  PASSBOOK_TTL_MS,
  passbookSecret,
  passbookTicket,
} from "@/server/services/passbook";

/** Opens the passbook: a form POST that works without JavaScript, answered by a redirect. */
export async function openPassbookAction(form: FormData): Promise<void> {
  const h = await headers();
  const address = clientAddress(h);
  const database = await getDatabase();
  let memberId: number;
  try {
    memberId = await openPassbook(database, {
      groupSlug: String(form.get("kelompok") ?? ""),
      memberCode: String(form.get("kode") ?? ""),
      checkCode: String(form.get("kodeCek") ?? ""),
      address,
    });
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    redirect(refusedUrl("/anggota", e));
  }
  (await cookies()).set(PASSBOOK_COOKIE, passbookTicket(memberId, passbookSecret()), {
    httpOnly: true,
    sameSite: "strict",
    secure: h.get("x-forwarded-proto") === "https",
    path: "/anggota",
    maxAge: PASSBOOK_TTL_MS / 1000,
  });
  redirect("/anggota");
}

export async function closePassbookAction(): Promise<void> {
  (await cookies()).delete({ name: PASSBOOK_COOKIE, path: "/anggota" });
  redirect("/anggota");
}

import { expect, type Page, test } from "@playwright/test";
import { mutate, signInApi, todayWita } from "./api-session";
import { openTab, sendTo } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

const wholeAt360 = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
const G = "compang-dalo";

/** A member of her own for the test, with Rp 25.000 of voluntary savings. */
async function memberWithSavings(page: Page, baseURL: string, prefix: string) {
  const request = page.context().request;
  const code = `CO-${prefix}${Date.now().toString(36).slice(-5).toUpperCase()}`;
  const added = await mutate(request, baseURL, "admin.members.add", {
    groupSlug: G,
    code,
    fullName: `Uji Keluar ${code}`,
    gender: "P",
    joinedOn: todayWita(),
  });
  expect(added.ok(), await added.text()).toBe(true);
  const saved = await mutate(request, baseURL, "admin.contributions.record", {
    groupSlug: G,
    date: todayWita(),
    idempotencyKey: `e2e-leave-${code}`,
    lines: [{ memberCode: code, amount: 25_000, kind: "voluntary" }],
  });
  expect(saved.ok(), await saved.text()).toBe(true);
  return code;
}

for (const lang of ["id", "en"] as const) {
  const w =
    lang === "id"
      ? {
          tab: "Anggota",
          leave: "Keluar dari kelompok",
          title: "Keluar dari kelompok:",
          unpaid: "Simpanannya Rp 25.000 belum dibayar",
          confirm: "Ya, catat keluar",
          refused: "Simpanan anggota ini Rp 25.000 belum dibayar",
          payOut: /Bayarkan seluruh simpanannya \(Rp\s25\.000\)/,
          out: "Kas berkurang Rp 25.000",
          paid: "tercatat keluar; simpanannya Rp 25.000 dibayar (catatan no.",
          send: "Kirim ke",
          undo: "Batalkan keluar",
          undone: "dibatalkan: ia anggota lagi",
        }
      : {
          tab: "Members",
          leave: "Leaves the group",
          title: "Leaving the group:",
          unpaid: "are not paid out: she cannot leave without them",
          confirm: "Yes, record her leaving",
          refused: "This member's savings of Rp 25,000 are not paid out",
          payOut: /Pay out all her savings \(Rp\s25[.,]000\)/,
          out: "",
          paid: "is recorded as left; her savings of Rp",
          send: "",
          undo: "Undo leaving",
          undone: "leaving is undone: she is a member again",
        };

  test(`[${lang}] leaving a member with savings asks first, offers the payout and refuses without it; a receipt; undone the same day`, async ({
    page,
    context,
    baseURL,
    request,
  }) => {
    if (lang === "en") await context.addCookies([{ name: "bahasa", value: "en", url: baseURL! }]);
    await signInApi(context.request, baseURL!, "bendahara-cd", "demo-bendahara-compang-dalo");
    const code = await memberWithSavings(page, baseURL!, lang === "id" ? "L" : "E");
    await page.goto("/admin");
    await openTab(page, w.tab);
    const row = page.locator("tbody tr").filter({ hasText: code });
    await row.locator("summary").click(); // her actions, behind one tap on her card
    await row.getByRole("button", { name: w.leave }).click();

    // Asked first: nothing is recorded by the tap on "Keluar".
    const form = page.getByRole("form", { name: `${w.title} ${code}` });
    await expect(form).toBeVisible();
    await expect(form).toContainText(w.unpaid);
    await wholeAt360(page);

    // Without the payout she cannot leave: the server refuses, in words, and nothing is written.
    const before = (await (await request.get(`/api/open/groups/${G}.json`)).json()).lastSeq;
    await form.getByRole("button", { name: w.confirm }).click();
    await expect(form.locator("p[role=alert]")).toContainText(w.refused);
    expect((await (await request.get(`/api/open/groups/${G}.json`)).json()).lastSeq).toBe(before);

    // With it: one entry pays her whole balance out, she leaves, her receipt is offered.
    await form.getByLabel(w.payOut).check();
    if (w.out) await expect(form).toContainText(w.out);
    await form.getByRole("button", { name: w.confirm }).click();
    await expect(form.locator("p[role=status]")).toContainText(w.paid);
    expect((await (await request.get(`/api/open/groups/${G}.json`)).json()).lastSeq).toBe(before + 1);
    if (w.send) await expect(form.getByRole("link", { name: sendTo(code, w.send) })).toBeVisible();
    await wholeAt360(page);

    // Entered by mistake: undone the same day; she is a member again and the payout is reversed with it
    // (one correction entry: the money back in the box), said beside the undo — the leave's message gone.
    await row.getByRole("button", { name: w.undo }).click();
    await expect(page.locator("p[role=status]").first()).toContainText(w.undone);
    await expect(page.locator("p[role=status]").first()).toContainText(`${before + 2}`);
    await expect(page.locator("p[role=status]", { hasText: w.paid })).toHaveCount(0);
    expect((await (await request.get(`/api/open/groups/${G}.json`)).json()).lastSeq).toBe(before + 2);
    await expect(row.getByRole("button", { name: w.leave })).toBeVisible();
  });
}

test("a reversed expense opens the expense form filled in, linked to the correction by a private note", async ({
  page,
  context,
  baseURL,
  request,
}) => {
  await signInApi(context.request, baseURL!, "bendahara-cd", "demo-bendahara-compang-dalo");
  const wrong = await mutate(context.request, baseURL!, "admin.cash.expense", {
    groupSlug: G,
    amount: 12_345,
    date: todayWita(),
    category: "alat_tulis",
    idempotencyKey: `e2e-wrong-expense-${Date.now()}`,
  });
  expect(wrong.ok(), await wrong.text()).toBe(true);
  const seq = (await (await request.get(`/api/open/groups/${G}.json`)).json()).lastSeq as number;

  await page.goto("/admin");
  await openTab(page, "Koreksi");
  await page
    .getByRole("row", { name: new RegExp(`^${seq} `) })
    .getByRole("button", { name: "Koreksi (balik)" })
    .click();
  await page.getByLabel(`Alasan (no. ${seq})`).selectOption({ label: "salah jumlah" });
  await page.getByRole("button", { name: "Koreksi (balik)" }).first().click();

  // The expense form, filled in from the reversed entry: same kind, category, account; amount to fix.
  const form = page.locator("main section form");
  await expect(form.getByRole("note")).toContainText(`No. ${seq} sudah dibalik (koreksi no. ${seq + 1})`);
  await expect(form.getByLabel("Jenis")).toHaveValue("expense");
  await expect(form.getByLabel("Kategori")).toHaveValue("alat_tulis");
  await expect(form.getByLabel("Jumlah")).toHaveValue("12345");
  const note = form.getByLabel("Catatan pribadi (tidak ditampilkan ke umum)");
  await expect(note).toHaveValue(`Pengganti no. ${seq} (koreksi no. ${seq + 1})`);
  await wholeAt360(page);

  await form.getByLabel("Jumlah").fill("1234");
  await form.getByRole("button", { name: "Simpan" }).click();
  await form.getByRole("button", { name: "Benar — simpan" }).click();
  await expect(form.locator("p[role=status]")).toContainText(`Tersimpan ✓ catatan no. ${seq + 2}`);

  // Public: the right amount, and none of the private note's words.
  await page.goto(`/kelompok/${G}/buku-kas`);
  await expect(page.locator(`#no-${seq + 2}`)).toContainText("1.234"); // Keluar (Rp)
  await expect(page.locator("main")).not.toContainText("Pengganti");
});

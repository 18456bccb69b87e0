import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { journalEntries, members } from "@/db/schema";
import { BOOK_MAX_MEMBERS } from "@/server/domain/paper-book";
import { key, tempDatabase, testContext } from "@/server/testing/db";

/**
 * A paper-book import hashes its members' kode cek a few at a time in one pool shared by the whole
 * process, and a book beyond the size limit is refused before any hashing. Proved by counting the
 * argon2 calls and how many are in flight at once, never by a stopwatch.
 */
const argon = vi.hoisted(() => ({ calls: 0, inFlight: 0, maxInFlight: 0 }));
vi.mock("@node-rs/argon2", async (original) => {
  const real = await original<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    hash: async (...args: Parameters<typeof real.hash>) => {
      argon.calls++;
      argon.maxInFlight = Math.max(argon.maxInFlight, ++argon.inFlight);
      try {
        return await real.hash(...args);
      } finally {
        argon.inFlight--;
      }
    },
  };
});

const { createGroup } = await import("@/server/verbs/groups/create-group");
const { CHECK_CODE_HASH_POOL } = await import("@/server/shared/check-codes");
const { importBook, previewBookImport } = await import("@/server/verbs/book-import/import-book");

let t: Awaited<ReturnType<typeof tempDatabase>>;
const ctx = () => testContext(t.database);

const group = (slug: string) =>
  createGroup(ctx(), {
    slug,
    name: `KSM ${slug}`,
    village: "Mokel",
    kecamatan: "Kota Komba",
    kabupaten: "Manggarai Timur",
    provinsi: "Nusa Tenggara Timur",
    foundedOn: "2019-03-01",
  });

/** A book of n members, each with a little savings, and no loans. */
const bookOf = (n: number) => ({
  saldo: "pos,jumlah\ntanggal_peralihan,2026-10-31\nkas,1.000.000\ndana_sosial,0\n",
  anggota: [
    "kode,nama,jenis_kelamin,tanggal_masuk,simpanan_pokok,simpanan_wajib,simpanan_sukarela",
    ...Array.from(
      { length: n },
      (_, i) => `AG-${String(i + 1).padStart(4, "0")},Anggota Nomor ${i + 1},P,2019-03-01,50.000,0,0`,
    ),
  ].join("\n"),
  pinjaman:
    "kode_anggota,tanggal_cair,pokok_awal,sisa_pokok,jasa_persen_per_bulan,metode,lama_bulan,angsuran_terbayar,tujuan\n",
});

beforeEach(async () => {
  t = await tempDatabase();
  argon.calls = 0;
  argon.maxInFlight = 0;
});
afterEach(() => t.cleanup());

describe("kode cek hashing on import", () => {
  it("runs in one small pool: two imports in parallel never hash more than the pool's size at once", async () => {
    await group("kelompok-a");
    await group("kelompok-b");
    const [a, b] = await Promise.all([
      importBook(ctx(), { groupSlug: "kelompok-a", files: bookOf(12), idempotencyKey: key() }),
      importBook(ctx(), { groupSlug: "kelompok-b", files: bookOf(12), idempotencyKey: key() }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(argon.calls).toBe(24); // every member's kode cek, once
    expect(CHECK_CODE_HASH_POOL).toBeLessThanOrEqual(2);
    expect(argon.maxInFlight).toBeLessThanOrEqual(CHECK_CODE_HASH_POOL);
  });

  it("refuses a book above the size limit, with a clear problem, before hashing anything", async () => {
    await group("kelompok-a");
    const files = bookOf(BOOK_MAX_MEMBERS + 1);
    const preview = await previewBookImport(ctx(), { groupSlug: "kelompok-a", files });
    expect(preview).toEqual({
      ok: false,
      problems: [
        {
          file: "anggota.csv",
          line: 1,
          column: "",
          code: "import_too_many_members",
          params: { max: BOOK_MAX_MEMBERS },
        },
      ],
    });
    const done = await importBook(ctx(), { groupSlug: "kelompok-a", files, idempotencyKey: key() });
    expect(done.ok).toBe(false);
    expect(argon.calls).toBe(0);
    const [n] = await t.database.db
      .select({ n: sql<number>`(select count(*) from ${members}) + (select count(*) from ${journalEntries})` })
      .from(sql`(select 1)`);
    expect(Number(n!.n)).toBe(0);
    // At the limit itself, the book goes in.
    expect((await previewBookImport(ctx(), { groupSlug: "kelompok-a", files: bookOf(BOOK_MAX_MEMBERS) })).ok).toBe(
      true,
    );
  });
});

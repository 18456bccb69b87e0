import type { Metadata } from "next";
import { DEFAULT_REFERENCE_TERMS } from "@/server/domain/finance/compare";
import { getMessages } from "@/server/i18n/locale";
import { getDatabase } from "@/db/client";
import { SHU_POOLS } from "@/server/domain/shu";
import { formatPct } from "@/server/i18n/format";
import { listGroups } from "@/server/services/public-figures";
import { ruleOfRow, shareOutRuleOf } from "@/server/services/year-close";
import { Sources } from "../_components/Sources";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Metodologi" };

/** SHU and the yearly indicators: each formula as computed (server/domain/shu.ts, indicators.ts). */
const SHU_TEXT = {
  id: {
    title: "Tutup buku tahunan: SHU dan indikator",
    parts: [
      [
        "SHU",
        "SHU (sisa hasil usaha) setahun = jasa pinjaman + denda + pendapatan lain − biaya − pinjaman yang dihapus buku, dari catatan bertanggal 1 Januari–31 Desember. Koreksi dicatat pada tanggal koreksi, jadi masuk tahun yang masih terbuka.",
      ],
      [
        "Pembagian",
        "Menurut aturan kelompok (AD/ART, lihat di bawah): SHU dibagi ke setiap pos dengan persen aturannya; jasa modal dibagi ke anggota menurut rata-rata simpanannya (saldo akhir 12 bulan ÷ 12), jasa pinjaman menurut jasa yang ia bayar tahun itu. Semua bagian rupiah bulat dan jumlahnya tepat sama dengan SHU (sisa terbesar). Pos anggota tanpa dasar (tidak ada pinjaman tahun itu) masuk dana cadangan. Tahun yang rugi tidak dibagi; ruginya mengurangi surplus.",
      ],
      [
        "Indikator",
        "Hasil atas simpanan = SHU ÷ rata-rata simpanan anggota. Hasil atas aset = SHU ÷ rata-rata (kas + bank + pinjaman beredar). Dana yang dipinjamkan = pinjaman beredar ÷ (pinjaman beredar + kas + bank), akhir tahun. PAR30 = sisa pokok pinjaman terlambat > 30 hari ÷ pinjaman beredar, akhir tahun. Anggota bertahan = anggota aktif 1 Januari yang masih aktif 31 Desember ÷ anggota aktif 1 Januari. Rata-rata simpanan = simpanan anggota ÷ anggota aktif, akhir tahun (tidak ditampilkan bila kurang dari 5 anggota). Rasio hapus buku = pokok dihapus buku ÷ rata-rata pinjaman beredar. Rata-rata = rata-rata 12 saldo akhir bulan (seperti SAVIX/SEEP). Indikator dihitung sekali, saat buku tahun itu ditutup, dan tidak berubah sesudahnya (koreksi kemudian masuk tahun yang masih terbuka).",
      ],
    ],
    rules: "Aturan pembagian SHU tiap kelompok",
    example: "contoh aturan (data demo)",
    none: "belum dicatat",
  },
  en: {
    title: "Closing the year: SHU and indicators",
    parts: [
      [
        "SHU",
        "A year's SHU (sisa hasil usaha, its surplus) = loan service charge + fines + other income − expenses − loans written off, from entries dated 1 January–31 December. Corrections are dated when made, so they fall in the open year.",
      ],
      [
        "Share-out",
        "By the group's rule (AD/ART, below): the SHU is divided into each pool by its percentage; the return on savings is divided among members by their average savings (12 month-end balances ÷ 12), the return on loans by the service charge each paid that year. Every part is whole rupiah and they sum exactly to the SHU (largest remainder). A members' pool without a basis (no loans that year) goes to the reserve. A year with a loss is not shared out; the loss reduces the surplus.",
      ],
      [
        "Indicators",
        "Return on savings = SHU ÷ average member savings. Return on assets = SHU ÷ average (cash + bank + loans outstanding). Loan fund utilisation = loans outstanding ÷ (loans outstanding + cash + bank), at year end. PAR30 = principal of loans more than 30 days late ÷ loans outstanding, at year end. Retention = members active on 1 January still active on 31 December ÷ members active on 1 January. Average savings = member savings ÷ active members at year end (not shown under 5 members). Write-off ratio = principal written off ÷ average loans outstanding. Averages are of the 12 month-end balances (SAVIX/SEEP usage). The indicators are computed once, when the year is closed, and do not change afterwards (a later correction falls in the open year).",
      ],
    ],
    rules: "Each group's SHU share-out rule",
    example: "an example rule (demo data)",
    none: "not recorded yet",
  },
};

const TEXT = {
  id: {
    title: "Metodologi: bagaimana biaya pinjaman dihitung",
    parts: [
      [
        "Biaya dalam rupiah",
        "Biaya = semua yang dibayar peminjam − uang yang ia terima. Dihitung dengan bilangan bulat rupiah, tanpa pembulatan desimal.",
      ],
      [
        "Bunga efektif (metode MFTransparency)",
        "Cari bunga per periode i yang membuat nilai sekarang dari uang yang diterima sama dengan nilai sekarang dari semua pembayaran (IRR arus kas peminjam). Dengan n periode setahun: APR = i × n, bunga efektif setahun (EIR) = (1 + i)ⁿ − 1. Semua biaya wajib ikut dihitung (biaya administrasi, simpanan yang ditahan sebagai syarat pinjaman). Simpanan sukarela atau iuran harian Rp 1.000 tidak dihitung.",
      ],
      [
        "KSM",
        "Tetap (flat): jasa = tarif × pokok awal setiap bulan. Menurun: jasa = tarif × sisa pokok. Anuitas: cicilan tetap A = P·r / (1 − (1 + r)⁻ⁿ). Pembulatan ke rupiah bulat; sisa pembulatan pokok masuk cicilan terakhir.",
      ],
      [
        "Pengijon",
        'Uang muka A sekarang, panen senilai V diserahkan m bulan kemudian. i = (V/A)^(1/m) − 1 per bulan; EIR = (V/A)^(12/m) − 1. Bawaan: A = 50% dari V (V/A = 2), seperti "separuh harga pasar". Biaya = V − A, sama berapa pun lamanya; bunga efektifnya makin tinggi bila panen makin dekat.',
      ],
      [
        "Rentenir",
        'Bunga per bulan dari pokok awal selama m bulan; dibayar dengan cicilan rata (bulanan, mingguan atau harian seperti "bank harian") atau bunga saja dengan pokok di akhir. Bawaan: 10% per bulan, flat.',
      ],
      ["KUR", "Bunga per tahun efektif (menurun), cicilan tetap bulanan. Bawaan: 6% per tahun (0,5% per bulan)."],
      [
        "Biaya yang dihindari",
        "Untuk setiap pinjaman kelompok yang tidak dibatalkan: biaya pengijon untuk pokok yang sama (P × (V/A − 1)) dikurangi jasa pinjaman menurut jadwalnya. Jumlahnya ditampilkan per kelompok dan untuk semua kelompok, selalu dengan asumsi yang dipakai.",
      ],
      [
        "Yang diasumsikan",
        "Angka pengijon, rentenir dan KUR adalah rujukan dari berita dan peraturan (lihat sumber), bukan catatan transaksi nyata; setiap kelompok dapat memasukkan angka setempat. Tanggal usaha memakai waktu setempat (WITA).",
      ],
    ],
  },
  en: {
    title: "Methodology: how loan costs are computed",
    parts: [
      ["Cost in rupiah", "Cost = everything the borrower pays − the money she receives, computed in whole rupiah."],
      [
        "Effective rate (MFTransparency's method)",
        "Find the periodic rate i at which the present value of what the borrower receives equals the present value of what she pays (the IRR of her cash flows). With n periods a year: APR = i × n, effective annual rate (EIR) = (1 + i)ⁿ − 1. Every mandatory charge counts (fees, savings held back as a condition of the loan); voluntary savings and the Rp 1,000 a day do not.",
      ],
      [
        "KSM",
        "Flat: charge = rate × original principal each month. Declining: rate × balance. Annuity: equal installments A = P·r / (1 − (1 + r)⁻ⁿ). Whole rupiah; the principal's rounding remainder goes to the last installment.",
      ],
      [
        "Pengijon",
        'Advance A now, crop worth V delivered m months later. i = (V/A)^(1/m) − 1 a month; EIR = (V/A)^(12/m) − 1. Default: A = 50% of V (V/A = 2), "half the market price". The cost V − A does not depend on the term; the effective rate is higher the nearer the harvest.',
      ],
      [
        "Money lender (rentenir)",
        'A rate per month on the original principal for m months, repaid in equal installments (monthly, weekly or daily, as the "bank harian" do) or interest only with the principal at the end. Default: 10% a month, flat.',
      ],
      [
        "KUR",
        "An annual rate on the declining balance, equal monthly installments. Default: 6% a year (0.5% a month).",
      ],
      [
        "Cost avoided",
        "For every loan of the group that was not cancelled: what a pengijon would have cost for the same principal (P × (V/A − 1)) minus the loan's scheduled service charge. Summed per group and across groups, always shown with its assumptions.",
      ],
      [
        "What is assumed",
        "The pengijon, money-lender and KUR figures are references from news reports and regulation (see the sources), not actual transactions; each group can enter local figures. Business dates are in local time (WITA).",
      ],
    ],
  },
};

export default async function MethodologyPage() {
  const { locale, t } = await getMessages();
  const x = TEXT[locale];
  const y = SHU_TEXT[locale];
  const database = await getDatabase();
  const groups = await listGroups(database.db);
  const rules = await Promise.all(groups.map((g) => shareOutRuleOf(database.db, g)));
  return (
    <>
      <h1>{x.title}</h1>
      {x.parts.map(([h, p]) => (
        <section key={h}>
          <h2>{h}</h2>
          <p>{p}</p>
        </section>
      ))}
      <Sources terms={DEFAULT_REFERENCE_TERMS} locale={locale} t={t} />
      <h1 id="shu">{y.title}</h1>
      {y.parts.map(([h, p]) => (
        <section key={h}>
          <h2>{h}</h2>
          <p>{p}</p>
        </section>
      ))}
      <h2>{y.rules}</h2>
      <ul>
        {groups.map((g, i) => {
          const r = rules[i];
          return (
            <li key={g.slug}>
              {g.name}:{" "}
              {r
                ? `${SHU_POOLS.filter((p) => ruleOfRow(r)[p] > 0)
                    .map((p) => `${t.shu.pools[p]} ${formatPct(ruleOfRow(r)[p] / 10_000, locale)}`)
                    .join(" · ")}${r.isExample ? ` (${y.example})` : ""}`
                : y.none}
            </li>
          );
        })}
      </ul>
    </>
  );
}

import { getDatabase } from "@/db/client";
import { localDate } from "@/server/domain/dates";
import { getMessages } from "@/server/i18n/locale";
import { answersDomainErrors } from "@/server/http-errors";
import { monthReportModels } from "@/server/read/public-figures";
import { monthReportPdf } from "../../../../../../_components/month-report-pdf";
import { verifyUrl } from "../../../../../../_components/Seal";
import { openGroup } from "../../../../open-group";

export const dynamic = "force-dynamic";

/**
 * The monthly report as a PDF (`/kelompok/<slug>/laporan/<YYYY-MM>.pdf` is rewritten here, next.config.js):
 * the same report object and chain check as the HTML report, so the same figures and nothing more.
 */
export const GET = answersDomainErrors(
  async (_req: Request, { params }: { params: Promise<{ slug: string; bulan: string }> }) => {
    const { slug, bulan } = await params;
    const found = await openGroup(slug);
    const database = await getDatabase();
    const { locale, t } = await getMessages();
    const models = await monthReportModels(database, found, bulan);
    const { report, chain } = models;
    const pdf = await monthReportPdf({
      group: found,
      report,
      chain,
      verifyUrl: report.seal ? verifyUrl(found.slug, report.seal.seq, report.seal.hash) : null,
      today: localDate(new Date(), found.timeZone),
      locale,
      t,
    });
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${found.slug}-${t.print.pdfFile}-${bulan}${found.isDemo ? "-DEMO" : ""}.pdf"`,
      },
    });
  },
  // The report's own address: whatever refuses it (a month with no report, a year not closed), there is no such report.
  { status: 404 },
);

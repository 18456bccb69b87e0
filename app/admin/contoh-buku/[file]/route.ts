import { BOOK_TEMPLATE_FILES, type BookTemplateFile, bookTemplateCsv } from "@/server/domain/book-template";
import type { BookFile } from "@/server/domain/paper-book";
import { templateWorkbook } from "@/server/shared/book-workbook";
import { answersDomainErrors } from "@/server/http-errors";

export const dynamic = "force-dynamic";

/**
 * The paper book's templates, offered by the *Pindah dari buku* tab: contoh-saldo.csv,
 * contoh-anggota.csv, contoh-pinjaman.csv and contoh-buku.xlsx, each with two example rows.
 * Nothing in them is a group's: the same files for everyone.
 */
export const GET = answersDomainErrors(async (_req: Request, { params }: { params: Promise<{ file: string }> }) => {
  const file = (await params).file;
  if (!(BOOK_TEMPLATE_FILES as readonly string[]).includes(file)) return new Response("Not found", { status: 404 });
  const headers = {
    "Content-Disposition": `attachment; filename="${file}"`,
    "Cache-Control": "public, max-age=3600",
    "X-Content-Type-Options": "nosniff",
  };
  if (file === "contoh-buku.xlsx")
    return new Response(new Uint8Array(await templateWorkbook()), {
      headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
  const table = (file as BookTemplateFile).replace(/^contoh-|\.csv$/g, "") as BookFile;
  return new Response(bookTemplateCsv(table), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
});

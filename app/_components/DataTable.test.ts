import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "./DataTable";

describe("a stacked table on a phone", () => {
  it("names every figure by its column, even when the column's header is a link (the /dampak comparison)", () => {
    const html = renderToStaticMarkup(
      createElement(DataTable, {
        columns: [
          { label: "Indikator" },
          { label: createElement("a", { href: "/kelompok/ratu-damai" }, "Ratu Damai"), text: "Ratu Damai", num: true },
          {
            label: createElement("a", { href: "/kelompok/compang-dalo" }, "Compang Dalo"),
            text: "Compang Dalo",
            num: true,
          },
        ],
        rows: [{ key: "par30", cells: ["PAR30", "10,6%", "7,1%"] }],
      }),
    );
    // globals.css shows data-label before each cell of a table.stack under 600 px.
    expect(html).toContain('class="stack"');
    expect(html).toMatch(/<td[^>]*data-label="Ratu Damai"[^>]*>10,6%<\/td>/);
    expect(html).toMatch(/<td[^>]*data-label="Compang Dalo"[^>]*>7,1%<\/td>/);
  });
});

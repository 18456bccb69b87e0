import type { ReactNode } from "react";

export interface Column {
  label: ReactNode;
  /**
   * The column's name as plain text, when `label` is not (a group's name as a link): a phone shows
   * it beside every figure of the column once the table is stacked — without it, a figure there
   * stands with no name (the /dampak comparison: three percentages, no group).
   */
  text?: string;
  /** Right-aligned (amounts, counts, percentages). */
  num?: boolean;
}

/**
 * A table as the public pages draw it: scrollable sideways on a phone, a header per column, the
 * first cell of each row as that row's header (unless `rowHeaders` is false). Without `columns` it
 * is a list of name → figure (no header row; every cell after the first is a figure).
 */
export function DataTable({
  columns,
  rows,
  rowHeaders = true,
  caption,
  captionHidden = false,
  stack = true,
  className,
}: {
  columns?: Column[];
  rows: { key: string | number; cells: ReactNode[] }[];
  rowHeaders?: boolean;
  caption?: ReactNode;
  captionHidden?: boolean;
  /** False: a narrow table that fits a phone as it is, kept a table there (not stacked into cards). */
  stack?: boolean;
  className?: string;
}) {
  const num = (i: number) => (columns ? columns[i]?.num : i > 0);
  // On a narrow screen a table with a header row stacks each row into a card, every figure
  // beside its column's name (globals.css, table.stack): nothing is hidden off to the side.
  const label = (i: number) =>
    columns?.[i]?.text ?? (typeof columns?.[i]?.label === "string" ? (columns[i]!.label as string) : undefined);
  return (
    <div className="table-wrap" tabIndex={0}>
      {/* Explicit roles: a stacked table (display: block on a phone) stays a table to a screen reader. */}
      <table className={[columns && stack ? "stack" : "", className ?? ""].join(" ").trim() || undefined} role="table">
        {caption && <caption className={captionHidden ? "sr-only" : "table-caption"}>{caption}</caption>}
        {columns && (
          <thead role="rowgroup">
            <tr role="row">
              {columns.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional and never reorder
                <th key={i} scope="col" role="columnheader" className={c.num ? "num" : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody role="rowgroup">
          {rows.map((r) => (
            <tr key={r.key} role="row">
              {r.cells.map((cell, i) =>
                rowHeaders && i === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional and never reorder
                  <th key={i} scope="row" role="rowheader" data-label={label(i)}>
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional and never reorder
                  <td key={i} role="cell" className={num(i) ? "num" : undefined} data-label={label(i)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

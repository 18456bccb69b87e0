"use client";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { formatShortRupiah } from "@/server/i18n/format";
import type { Locale } from "@/server/i18n/messages";

/** Cost by lender in rupiah, as SVG drawn on the server (fixed size), with the same numbers in a table beside it. */
export default function CostChartSvg({
  rows,
  locale,
}: {
  rows: { label: string; costRp: number; fill: string }[];
  locale: Locale;
}) {
  const short = (v: number) => formatShortRupiah(v, locale);
  return (
    <BarChart width={340} height={200} data={rows} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" tickFormatter={short} fontSize={10} />
      <YAxis type="category" dataKey="label" width={80} fontSize={11} />
      <Bar dataKey="costRp" isAnimationActive={false} fill="#0b5d3b">
        <LabelList dataKey="costRp" position="right" formatter={(v: unknown) => short(Number(v))} fontSize={11} />
      </Bar>
    </BarChart>
  );
}

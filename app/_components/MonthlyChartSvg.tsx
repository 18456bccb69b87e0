"use client";
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from "recharts";
import { formatShortRupiah } from "@/server/i18n/format";
import type { Locale } from "@/server/i18n/messages";

export interface MonthlyChartRow {
  label: string;
  collections: number;
  loansOut: number;
  repayments: number;
}

/**
 * Server-rendered SVG (fixed size, scaled by CSS, so it draws without JavaScript); the same
 * figures are in a table beside it. Savings come a thousand rupiah a day and loans by the
 * million, so each has its own chart and its own scale: on one scale the savings bars vanish.
 */
export default function MonthlyChartSvg({
  rows,
  names,
  locale,
}: {
  rows: MonthlyChartRow[];
  names: { collections: string; loansOut: string; repayments: string };
  locale: Locale;
}) {
  const short = (v: number) => formatShortRupiah(v, locale);
  // An array, not a fragment: Recharts looks for its axes among a chart's direct children.
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
    <XAxis key="x" dataKey="label" fontSize={10} interval={1} />,
    <YAxis key="y" tickFormatter={short} fontSize={10} width={48} />,
    <Legend key="legend" wrapperStyle={{ fontSize: 11 }} />,
  ];
  return (
    <>
      <BarChart width={340} height={150} data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
        {axes}
        <Bar dataKey="collections" name={names.collections} fill="#0b5d3b" isAnimationActive={false} />
      </BarChart>
      <BarChart width={340} height={200} data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
        {axes}
        <Bar dataKey="loansOut" name={names.loansOut} fill="#c77d00" isAnimationActive={false} />
        <Bar dataKey="repayments" name={names.repayments} fill="#3f6fb5" isAnimationActive={false} />
      </BarChart>
    </>
  );
}

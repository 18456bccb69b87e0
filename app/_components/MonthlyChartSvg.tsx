"use client";
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from "recharts";

export interface MonthlyChartRow {
  label: string;
  collections: number;
  loansOut: number;
  repayments: number;
}

/** Server-rendered SVG (fixed size, so it draws without JavaScript); the same figures are in a table beside it. */
export default function MonthlyChartSvg({
  rows,
  names,
}: {
  rows: MonthlyChartRow[];
  names: { collections: string; loansOut: string; repayments: string };
}) {
  const short = (v: number) =>
    v >= 1_000_000 ? `${Math.round(v / 100_000) / 10} jt` : v >= 1000 ? `${Math.round(v / 1000)} rb` : String(v);
  return (
    <BarChart width={340} height={220} data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" fontSize={10} interval={1} />
      <YAxis tickFormatter={short} fontSize={10} width={44} />
      <Legend wrapperStyle={{ fontSize: 11 }} />
      <Bar dataKey="collections" name={names.collections} fill="#0b5d3b" isAnimationActive={false} />
      <Bar dataKey="loansOut" name={names.loansOut} fill="#c77d00" isAnimationActive={false} />
      <Bar dataKey="repayments" name={names.repayments} fill="#3f6fb5" isAnimationActive={false} />
    </BarChart>
  );
}

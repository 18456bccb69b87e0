"use client";
import { serverDrawn } from "./ServerDrawn";

export type { MonthlyChartRow } from "./MonthlyChartSvg";
export const MonthlyChart = serverDrawn(() => import("./MonthlyChartSvg"));

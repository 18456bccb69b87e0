"use client";
import { serverDrawn } from "./ServerDrawn";

export const CostChart = serverDrawn(() => import("./CostChartSvg"));

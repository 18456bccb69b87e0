"use client";
import { useEffect, useRef, useState } from "react";
import type { Role } from "@/server/domain/access";
import type { AdminMessages } from "@/server/i18n/admin";
import { navFor, type TabKey } from "./tabs";

/**
 * The treasurer's screen's navigation at the bottom, under the thumb (issue #26): the four tabs a
 * role uses most, then "Lainnya", a disclosure button opening the list of the others. The open tab
 * is marked with aria-current; Escape or a tap outside closes the list.
 */
export function BottomBar({
  t,
  role,
  tab,
  label,
  onPick,
}: {
  t: AdminMessages;
  role: Role;
  tab: TabKey;
  label: string;
  onPick: (k: TabKey) => void;
}) {
  const { bar, more } = navFor(role);
  const [open, setOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);
  const item = (k: TabKey) => (
    <li key={k}>
      <button
        type="button"
        aria-current={tab === k ? "page" : undefined}
        onClick={() => {
          setOpen(false);
          onPick(k);
        }}
      >
        {t.tabs[k]}
      </button>
    </li>
  );
  return (
    <nav
      ref={navRef}
      className="bar"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !open) return;
        setOpen(false);
        moreRef.current?.focus();
      }}
      onBlur={(e) => {
        // Tabbing out of the bar closes the list (a tap elsewhere is the pointerdown above).
        if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <ul className="bar-items">
        {bar.map(item)}
        {more.length > 0 && (
          <li>
            <button
              ref={moreRef}
              type="button"
              aria-expanded={open}
              aria-controls="more-tabs"
              className={more.includes(tab) ? "on" : undefined}
              onClick={() => setOpen(!open)}
            >
              {t.more}
            </button>
            <ul id="more-tabs" hidden={!open}>
              {more.map(item)}
            </ul>
          </li>
        )}
      </ul>
    </nav>
  );
}

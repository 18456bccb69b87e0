"use client";
import { useEffect, useMemo, useState } from "react";
import { DEFAULT_TIME_ZONE } from "@/server/domain/dates";
import { formatRupiah } from "@/server/domain/money";
import { formatTimestamp } from "@/server/i18n/format";
import { api, signOut } from "./client";
import { useAdminWords } from "./admin-words";
import {
  type Locale,
  type Group,
  MemberNamesContext,
  type Members,
  type OpenDays,
  OpenDaysContext,
  SentContext,
} from "./common";
import { Cash } from "./cash";
import { Collect } from "./collect";
import { Home } from "./home";
import { Loans } from "./loans";
import { PhoneQueue } from "./phone-queue";
import { Withdraw } from "./withdraw";
import { keepOpenDays, lastOpenDays } from "./open-days";
import { forgetKept, useInstalledApp } from "./installed";
import { useWarmUp } from "./warm";
import { MembersTab } from "./members";
import { BottomBar } from "./bottom-bar";
import type { TabKey } from "./tabs";
import type { RightEntryDraft } from "@/server/domain/correction-follow-up";
import { lazyTab } from "./lazy-tab";

// Rarely used tabs: their code is fetched when first opened (a first visit stays light).
const Account = lazyTab(() => import("./account").then((m) => m.Account));
const Book = lazyTab(() => import("./book").then((m) => m.Book));
const Year = lazyTab(() => import("./year").then((m) => m.Year));
const Corrections = lazyTab(() => import("./corrections").then((m) => m.Corrections));
const Audit = lazyTab(() => import("./corrections").then((m) => m.Audit));

/** `user`: who is signed in (an opaque key), so what the phone kept for someone else is dropped. */
export function AdminApp({ locale, groups, user }: { locale: Locale; groups: Group[]; user: string }) {
  const t = useAdminWords();
  const rp = (n: number) => formatRupiah(n, locale);
  const [slug, setSlug] = useState<string>(groups[0]?.slug ?? "");
  const [tab, setTab] = useState<TabKey>("home");
  const [refresh, setRefresh] = useState(0);
  const group = groups?.find((g) => g.slug === slug);
  const canWrite = group?.role === "admin" || group?.role === "bendahara";
  // A pengawas' heading names her own book (the bar shows only the tabs her role can use).
  const title = group?.role === "pengawas" ? t.supervisorTitle : t.title;
  const syncedAt = useInstalledApp(user);
  const { members, open, membersOf, reloadMembers } = useGroupData(slug, refresh, group);
  const today = open?.to ?? "";

  const active = useMemo(() => members.filter((m) => !m.leftOn || m.leftOn > today), [members, today]);
  const names = useMemo(() => new Map(members.map((m) => [m.code, m])), [members]);
  const reload = () => setRefresh((n) => n + 1);
  // The phone's queue sent writes: the members again and every open tab's figures (SentContext),
  // without remounting the tab (a form half filled stays as it is; the sent list stays too).
  const [sent, setSent] = useState(0);
  const onQueueSent = () => {
    reloadMembers();
    setSent((n) => n + 1);
  };
  // After a correction: the right entry's form, filled from the reversed one.
  const [draft, setDraft] = useState<RightEntryDraft | null>(null);
  const openDraft = (d: RightEntryDraft) => {
    setDraft(d);
    setTab(d.form);
  };

  return (
    <SentContext.Provider value={sent}>
      <MemberNamesContext.Provider value={names}>
        <h1>{title}</h1>
        <AdminTop groups={groups} slug={slug} onPick={setSlug} t={t} />
        {syncedAt && (
          <p className="warn" role="status" data-synced-at={syncedAt}>
            {t.lastSynced(formatTimestamp(syncedAt, group?.timeZone ?? "Asia/Makassar", locale))}
          </p>
        )}
        {!canWrite && <p className="muted">{t.readOnly}</p>}
        {canWrite && <PhoneQueue key={slug} slug={slug} t={t} locale={locale} onSent={onQueueSent} />}
        <BottomBar
          t={t}
          role={group?.role ?? "pengawas"}
          tab={tab}
          label={title}
          onPick={(k) => {
            setDraft(null);
            setTab(k);
          }}
        />
        {group && open && membersOf === slug && (
          <OpenDaysContext.Provider value={open}>
            <section key={`${slug}-${tab}-${refresh}`}>
              <TabPanel
                {...{ tab, slug, group, today, locale, rp, t, canWrite, active, members, draft }}
                {...{ reload, reloadMembers, openDraft }}
              />
            </section>
          </OpenDaysContext.Provider>
        )}
      </MemberNamesContext.Provider>
    </SentContext.Provider>
  );
}

/**
 * The open group's members and open days, read when the group changes and on `refresh`; the phone
 * warms its kept reads with them. `membersOf`: the group whose members have been asked for (reads go
 * one to a URL: the open days may come first, and a form that picks a member by default must not
 * open before the members).
 */
function useGroupData(slug: string, refresh: number, group: Group | undefined) {
  const [members, setMembers] = useState<Members>([]);
  const [open, setOpen] = useState<OpenDays | null>(null);
  const [membersOf, setMembersOf] = useState<string | null>(null);
  useWarmUp(slug, open);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the reload trigger
  useEffect(() => {
    if (!slug) return;
    api.admin.members.list
      .query({ groupSlug: slug })
      .then(setMembers, () => {})
      .finally(() => setMembersOf(slug));
    api.admin.cash.onHand.query({ groupSlug: slug }).then(
      (c) => {
        const said = keepOpenDays(localStorage, slug, { from: c.openFrom, to: c.today });
        // With no signal the answer is the one kept at the last sync: today is the phone's own.
        const tz = group?.timeZone ?? DEFAULT_TIME_ZONE;
        setOpen(navigator.onLine ? said : (lastOpenDays(localStorage, slug, tz) ?? said));
      },
      () => setOpen(lastOpenDays(localStorage, slug, group?.timeZone ?? DEFAULT_TIME_ZONE)),
    );
  }, [slug, refresh]);
  // The members again, the tab kept as it is (a leave's receipt stays on screen).
  const reloadMembers = () =>
    void api.admin.members.list.query({ groupSlug: slug }).then(setMembers, () => {
      // no answer: the members stay as they were
    });
  return { members, open, membersOf, reloadMembers };
}

/** The group picker (with her role in each) and signing out. */
function AdminTop({
  groups,
  slug,
  onPick,
  t,
}: {
  groups: Group[];
  slug: string;
  onPick: (slug: string) => void;
  t: ReturnType<typeof useAdminWords>;
}) {
  return (
    <p className="admin-top">
      <label htmlFor="g">{t.group}</label>{" "}
      <select id="g" value={slug} onChange={(e) => onPick(e.target.value)}>
        {groups.map((g) => (
          <option key={g.slug} value={g.slug}>
            {g.name} ({t.roles[g.role] ?? g.role})
          </option>
        ))}
      </select>{" "}
      <button
        type="button"
        onClick={async () => {
          // What the phone kept for her goes with her; writes still waiting stay until the next sign-in.
          await forgetKept().catch(() => {});
          await signOut({ callbackUrl: "/masuk", afterSignOut: forgetKept });
        }}
      >
        {t.signOut}
      </button>
    </p>
  );
}

type TabProps = {
  tab: TabKey;
  slug: string;
  group: Group;
  today: string;
  locale: Locale;
  rp: (n: number) => string;
  t: ReturnType<typeof useAdminWords>;
  canWrite: boolean;
  active: Members;
  members: Members;
  draft: RightEntryDraft | null;
  reload: () => void;
  reloadMembers: () => void;
  openDraft: (d: RightEntryDraft) => void;
};

/** The open tab's screen (the rarely used ones fetched when first opened). */
function TabPanel({
  tab,
  slug,
  group,
  today,
  locale,
  rp,
  t,
  canWrite,
  active,
  members,
  draft,
  reload,
  reloadMembers,
  openDraft,
}: TabProps) {
  return (
    <>
      {tab === "home" && (
        <Home
          slug={slug}
          locale={locale}
          rp={rp}
          t={t}
          canCountersign={group.role === "pengawas" || group.role === "admin"}
          canAnswer={canWrite}
        />
      )}
      {tab === "collect" && canWrite && (
        <Collect
          slug={slug}
          members={active}
          daily={group.dailyContribution}
          today={today}
          locale={locale}
          rp={rp}
          t={t}
        />
      )}
      {tab === "loans" && (
        <Loans
          slug={slug}
          group={group}
          members={active}
          today={today}
          locale={locale}
          rp={rp}
          t={t}
          canWrite={canWrite}
        />
      )}
      {tab === "repay" && canWrite && (
        <Loans
          slug={slug}
          group={group}
          members={active}
          today={today}
          locale={locale}
          rp={rp}
          t={t}
          canWrite
          repayOnly
        />
      )}
      {tab === "withdraw" && canWrite && (
        <Withdraw
          slug={slug}
          today={today}
          locale={locale}
          rp={rp}
          t={t}
          draft={draft?.form === "withdraw" ? draft : null}
        />
      )}
      {tab === "cash" && canWrite && (
        <Cash
          slug={slug}
          today={today}
          timeZone={group.timeZone}
          locale={locale}
          rp={rp}
          t={t}
          draft={draft?.form === "cash" ? draft : null}
        />
      )}
      <RecordTabs
        {...{ tab, slug, group, today, locale, rp, t, canWrite, members, reload, reloadMembers, openDraft }}
      />
    </>
  );
}

/** The register, corrections, the audit log, the year, the paper book and the account (one of them, or none). */
function RecordTabs({
  tab,
  slug,
  group,
  today,
  locale,
  rp,
  t,
  canWrite,
  members,
  reload,
  reloadMembers,
  openDraft,
}: Omit<TabProps, "active" | "draft">) {
  return (
    <>
      {tab === "members" && (
        <MembersTab
          slug={slug}
          members={members}
          today={today}
          locale={locale}
          rp={rp}
          t={t}
          canWrite={canWrite}
          onChanged={reloadMembers}
        />
      )}
      {tab === "fix" && (
        <Corrections slug={slug} locale={locale} rp={rp} t={t} canWrite={canWrite} onReversed={openDraft} />
      )}
      {tab === "audit" && <Audit slug={slug} locale={locale} timeZone={group.timeZone} />}
      {tab === "year" && (
        <Year
          slug={slug}
          locale={locale}
          rp={rp}
          t={t}
          today={today}
          canWrite={canWrite}
          canSetRule={group.role === "pengawas" || group.role === "admin"}
        />
      )}
      {tab === "book" && canWrite && <Book slug={slug} locale={locale} rp={rp} t={t} onChanged={reload} />}
      {tab === "account" && <Account locale={locale} rp={rp} t={t} slug={slug} />}
    </>
  );
}

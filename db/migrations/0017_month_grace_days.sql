-- A finished month takes back-dated entries through this many days of the next month (default the 5th),
-- unless the pengawas countersigns its seal sooner; then it is closed (server/domain/month-close.ts).
ALTER TABLE `ksm_groups` ADD `month_grace_days` integer DEFAULT 5 NOT NULL;
-- Plausibility before saving (issue #25): a group threshold above which one expense or savings withdrawal
-- needs the treasurer's confirmation, and a cash count replaced the same day by a new row that names it
-- (append-only: both stay; a count is replaced at most once).
ALTER TABLE `ksm_groups` ADD `large_outflow_threshold` integer DEFAULT 1000000 NOT NULL;--> statement-breakpoint
ALTER TABLE `cash_counts` ADD `replaces_id` integer REFERENCES cash_counts(id);--> statement-breakpoint
ALTER TABLE `cash_counts` ADD `replace_reason` text;--> statement-breakpoint
CREATE UNIQUE INDEX `cash_counts_replaces` ON `cash_counts` (`replaces_id`);
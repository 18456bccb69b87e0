CREATE TABLE `share_out_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`cadangan` integer NOT NULL,
	`jasa_modal` integer NOT NULL,
	`jasa_pinjaman` integer NOT NULL,
	`pengurus` integer NOT NULL,
	`pendidikan` integer NOT NULL,
	`sosial` integer NOT NULL,
	`member_payout` text NOT NULL,
	`is_example` integer DEFAULT false NOT NULL,
	`set_at` text NOT NULL,
	`set_by` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `share_out_rules_group` ON `share_out_rules` (`group_id`,`id`);--> statement-breakpoint
CREATE TABLE `year_closings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`year` integer NOT NULL,
	`entry_id` integer,
	`rule_id` integer NOT NULL,
	`service_charge` integer NOT NULL,
	`fines` integer NOT NULL,
	`other_income` integer NOT NULL,
	`expenses` integer NOT NULL,
	`written_off` integer NOT NULL,
	`shu` integer NOT NULL,
	`pools` text NOT NULL,
	`members_paid` integer NOT NULL,
	`detail` text NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rule_id`) REFERENCES `share_out_rules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `year_closings_group_year` ON `year_closings` (`group_id`,`year`);--> statement-breakpoint
ALTER TABLE `ksm_groups` ADD `closed_through` text;
--> statement-breakpoint
-- A rule in force is never edited: a change is a new row, so every year's share-out can be traced to its rule.
CREATE TRIGGER share_out_rules_no_update BEFORE UPDATE ON share_out_rules
BEGIN SELECT RAISE(ABORT, 'share_out_rules is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER share_out_rules_no_delete BEFORE DELETE ON share_out_rules
BEGIN SELECT RAISE(ABORT, 'share_out_rules is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER year_closings_no_update BEFORE UPDATE ON year_closings
BEGIN SELECT RAISE(ABORT, 'year_closings is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER year_closings_no_delete BEFORE DELETE ON year_closings
BEGIN SELECT RAISE(ABORT, 'year_closings is append-only'); END;
--> statement-breakpoint
-- Both are public (the rule on /metodologi and the group page, each closed year in its report).
CREATE TRIGGER share_out_rules_public_version_insert AFTER INSERT ON share_out_rules
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER share_out_rules_group_version_insert AFTER INSERT ON share_out_rules
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER year_closings_public_version_insert AFTER INSERT ON year_closings
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER year_closings_group_version_insert AFTER INSERT ON year_closings
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;

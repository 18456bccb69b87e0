CREATE TABLE `daily_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`day` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `daily_payments_member_day` ON `daily_payments` (`member_id`,`day`);--> statement-breakpoint
CREATE INDEX `daily_payments_group_day` ON `daily_payments` (`group_id`,`day`);--> statement-breakpoint
CREATE INDEX `daily_payments_entry` ON `daily_payments` (`entry_id`);--> statement-breakpoint
CREATE TRIGGER daily_payments_no_update BEFORE UPDATE ON daily_payments
BEGIN SELECT RAISE(ABORT, 'daily_payments is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER daily_payments_no_delete BEFORE DELETE ON daily_payments
BEGIN SELECT RAISE(ABORT, 'daily_payments is append-only'); END;

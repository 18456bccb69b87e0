CREATE TABLE `correction_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `correction_signatures_entry` ON `correction_signatures` (`entry_id`);--> statement-breakpoint
-- A supervisor's check of a correction is never changed or removed.
CREATE TRIGGER correction_signatures_no_update BEFORE UPDATE ON correction_signatures
BEGIN SELECT RAISE(ABORT, 'correction_signatures is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER correction_signatures_no_delete BEFORE DELETE ON correction_signatures
BEGIN SELECT RAISE(ABORT, 'correction_signatures is append-only'); END;

CREATE TABLE `seal_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`month` text NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seal_signatures_group_month` ON `seal_signatures` (`group_id`,`month`);--> statement-breakpoint
-- A countersigned seal is public ("disegel oleh pengawas") and is never changed or removed.
CREATE TRIGGER seal_signatures_no_update BEFORE UPDATE ON seal_signatures
BEGIN SELECT RAISE(ABORT, 'seal_signatures is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER seal_signatures_no_delete BEFORE DELETE ON seal_signatures
BEGIN SELECT RAISE(ABORT, 'seal_signatures is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER seal_signatures_public_version_insert AFTER INSERT ON seal_signatures
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER seal_signatures_group_version_insert AFTER INSERT ON seal_signatures
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;

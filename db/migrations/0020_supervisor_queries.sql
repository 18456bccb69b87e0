CREATE TABLE `supervisor_queries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`subject` text NOT NULL,
	`target` text NOT NULL,
	`reason` text NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supervisor_queries_group` ON `supervisor_queries` (`group_id`,`subject`,`target`);--> statement-breakpoint
CREATE TABLE `supervisor_query_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`query_id` integer NOT NULL,
	`answer` text NOT NULL,
	`note` text,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`query_id`) REFERENCES `supervisor_queries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supervisor_query_answers_query` ON `supervisor_query_answers` (`query_id`);--> statement-breakpoint
-- A question and its answer are never changed or removed: a new question is a new row.
CREATE TRIGGER supervisor_queries_no_update BEFORE UPDATE ON supervisor_queries
BEGIN SELECT RAISE(ABORT, 'supervisor_queries is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER supervisor_queries_no_delete BEFORE DELETE ON supervisor_queries
BEGIN SELECT RAISE(ABORT, 'supervisor_queries is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER supervisor_query_answers_no_update BEFORE UPDATE ON supervisor_query_answers
BEGIN SELECT RAISE(ABORT, 'supervisor_query_answers is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER supervisor_query_answers_no_delete BEFORE DELETE ON supervisor_query_answers
BEGIN SELECT RAISE(ABORT, 'supervisor_query_answers is append-only'); END;
--> statement-breakpoint
-- Public ("dipertanyakan pengawas" on the group page and the monthly report): news to the group's caches.
CREATE TRIGGER supervisor_queries_group_version_insert AFTER INSERT ON supervisor_queries
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER supervisor_query_answers_group_version_insert AFTER INSERT ON supervisor_query_answers
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;

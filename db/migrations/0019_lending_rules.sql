CREATE TABLE `lending_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`savings_multiple` integer NOT NULL,
	`max_principal` integer NOT NULL,
	`is_example` integer DEFAULT false NOT NULL,
	`set_at` text NOT NULL,
	`set_by` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lending_rules_group` ON `lending_rules` (`group_id`,`id`);--> statement-breakpoint
-- A rule in force is never edited: a change is a new row, so every refusal can be traced to its rule.
CREATE TRIGGER lending_rules_no_update BEFORE UPDATE ON lending_rules
BEGIN SELECT RAISE(ABORT, 'lending_rules is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER lending_rules_no_delete BEFORE DELETE ON lending_rules
BEGIN SELECT RAISE(ABORT, 'lending_rules is append-only'); END;
--> statement-breakpoint
-- Public (on /metodologi and the group page): a new rule is news to the public caches.
CREATE TRIGGER lending_rules_public_version_insert AFTER INSERT ON lending_rules
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER lending_rules_group_version_insert AFTER INSERT ON lending_rules
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;

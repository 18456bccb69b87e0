-- Per group: raised with every change to one group's public data; its pages are cached on it.
CREATE TABLE `group_public_version` (
	`group_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `group_public_version` (`group_id`, `version`) SELECT `id`, 0 FROM `ksm_groups`;
--> statement-breakpoint
CREATE TRIGGER ksm_groups_group_version_insert AFTER INSERT ON ksm_groups
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER ksm_groups_group_version_update AFTER UPDATE ON ksm_groups
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER members_group_version_insert AFTER INSERT ON members
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER members_group_version_update AFTER UPDATE ON members
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER members_group_version_delete AFTER DELETE ON members
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (OLD.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER reference_terms_group_version_insert AFTER INSERT ON reference_terms
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER reference_terms_group_version_update AFTER UPDATE ON reference_terms
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER reference_terms_group_version_delete AFTER DELETE ON reference_terms
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (OLD.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER ledger_heads_group_version_insert AFTER INSERT ON ledger_heads
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER ledger_heads_group_version_update AFTER UPDATE ON ledger_heads
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER loans_group_version_insert AFTER INSERT ON loans
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER cash_counts_group_version_insert AFTER INSERT ON cash_counts
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER cash_count_signatures_group_version_insert AFTER INSERT ON cash_count_signatures
BEGIN INSERT INTO group_public_version (group_id, version) SELECT group_id, 1 FROM cash_counts WHERE id = NEW.cash_count_id ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;

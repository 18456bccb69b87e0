-- Goes up with every committed change that public pages show; the front server's page cache keys on it.
CREATE TABLE `public_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `public_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER ksm_groups_public_version_insert AFTER INSERT ON ksm_groups
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER ksm_groups_public_version_update AFTER UPDATE ON ksm_groups
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER ksm_groups_public_version_delete AFTER DELETE ON ksm_groups
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER members_public_version_insert AFTER INSERT ON members
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER members_public_version_update AFTER UPDATE ON members
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER members_public_version_delete AFTER DELETE ON members
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER reference_terms_public_version_insert AFTER INSERT ON reference_terms
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER reference_terms_public_version_update AFTER UPDATE ON reference_terms
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER reference_terms_public_version_delete AFTER DELETE ON reference_terms
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER ledger_heads_public_version_insert AFTER INSERT ON ledger_heads
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER ledger_heads_public_version_update AFTER UPDATE ON ledger_heads
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER journal_entries_public_version_insert AFTER INSERT ON journal_entries
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER loans_public_version_insert AFTER INSERT ON loans
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER cash_counts_public_version_insert AFTER INSERT ON cash_counts
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER cash_count_signatures_public_version_insert AFTER INSERT ON cash_count_signatures
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER cash_count_signatures_public_version_update AFTER UPDATE ON cash_count_signatures
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER cash_count_signatures_public_version_delete AFTER DELETE ON cash_count_signatures
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;

-- The terms version: row 2 of public_version, raised only by what /bandingkan and /metodologi show
-- (groups, their reference terms and share-out rules), so that a post anywhere leaves those pages cached.
INSERT INTO `public_version` (`id`, `version`) VALUES (2, 0);
--> statement-breakpoint
CREATE TRIGGER ksm_groups_terms_version_insert AFTER INSERT ON ksm_groups
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 2; END;
--> statement-breakpoint
CREATE TRIGGER ksm_groups_terms_version_update AFTER UPDATE ON ksm_groups
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 2; END;
--> statement-breakpoint
CREATE TRIGGER ksm_groups_terms_version_delete AFTER DELETE ON ksm_groups
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 2; END;
--> statement-breakpoint
CREATE TRIGGER reference_terms_terms_version_insert AFTER INSERT ON reference_terms
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 2; END;
--> statement-breakpoint
CREATE TRIGGER reference_terms_terms_version_update AFTER UPDATE ON reference_terms
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 2; END;
--> statement-breakpoint
CREATE TRIGGER reference_terms_terms_version_delete AFTER DELETE ON reference_terms
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 2; END;
--> statement-breakpoint
CREATE TRIGGER share_out_rules_terms_version_insert AFTER INSERT ON share_out_rules
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 2; END;
--> statement-breakpoint
CREATE TRIGGER share_out_rules_terms_version_update AFTER UPDATE ON share_out_rules
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 2; END;
--> statement-breakpoint
CREATE TRIGGER share_out_rules_terms_version_delete AFTER DELETE ON share_out_rules
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 2; END;

-- A supervisor's countersignature on a correction closes a question asked about it, and the group
-- page's safety verdict shows open questions ("correction:<id>"): news to the portal's and the
-- group's caches, like the other countersignatures (server/cache/version-triggers.test.ts).
CREATE TRIGGER correction_signatures_public_version_insert AFTER INSERT ON correction_signatures
BEGIN UPDATE public_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER correction_signatures_group_version_insert AFTER INSERT ON correction_signatures
BEGIN INSERT INTO group_public_version (group_id, version) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET version = version + 1; END;

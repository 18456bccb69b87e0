-- The ledger is append-only: not even a bug may rewrite history.
CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'ledger_append_only: journal_entries cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'ledger_append_only: journal_entries cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings
BEGIN SELECT RAISE(ABORT, 'ledger_append_only: postings cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings
BEGIN SELECT RAISE(ABORT, 'ledger_append_only: postings cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER loans_no_update BEFORE UPDATE ON loans
BEGIN SELECT RAISE(ABORT, 'ledger_append_only: loans cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER loans_no_delete BEFORE DELETE ON loans
BEGIN SELECT RAISE(ABORT, 'ledger_append_only: loans cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER cash_counts_no_update BEFORE UPDATE ON cash_counts
BEGIN SELECT RAISE(ABORT, 'ledger_append_only: cash_counts cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER cash_counts_no_delete BEFORE DELETE ON cash_counts
BEGIN SELECT RAISE(ABORT, 'ledger_append_only: cash_counts cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'ledger_append_only: audit_log cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'ledger_append_only: audit_log cannot be deleted'); END;
--> statement-breakpoint
-- A correction reverses exactly one earlier entry of the same group, once (unique index), never itself.
CREATE TRIGGER journal_entries_reverse_same_group BEFORE INSERT ON journal_entries
WHEN NEW.reverses_entry_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM journal_entries o WHERE o.id = NEW.reverses_entry_id AND o.group_id = NEW.group_id AND o.kind <> 'correction')
BEGIN SELECT RAISE(ABORT, 'ledger_bad_reversal'); END;

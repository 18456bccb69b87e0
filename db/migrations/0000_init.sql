CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`group_id` integer,
	`entry_id` integer,
	`detail` text,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_group_at` ON `audit_log` (`group_id`,`id`);--> statement-breakpoint
CREATE TABLE `ksm_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`village` text NOT NULL,
	`kecamatan` text NOT NULL,
	`kabupaten` text NOT NULL,
	`provinsi` text NOT NULL,
	`founded_on` text NOT NULL,
	`time_zone` text DEFAULT 'Asia/Makassar' NOT NULL,
	`daily_contribution` integer DEFAULT 1000 NOT NULL,
	`loan_rate_bps_per_month` integer DEFAULT 200 NOT NULL,
	`loan_method` text DEFAULT 'flat' NOT NULL,
	`loan_max_term_months` integer DEFAULT 12 NOT NULL,
	`late_fine_amount` integer DEFAULT 5000 NOT NULL,
	`late_fine_grace_days` integer DEFAULT 7 NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ksm_groups_slug_unique` ON `ksm_groups` (`slug`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`code` text NOT NULL,
	`full_name` text NOT NULL,
	`gender` text NOT NULL,
	`joined_on` text NOT NULL,
	`left_on` text,
	`check_code_hash` text,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_group_code` ON `members` (`group_id`,`code`);--> statement-breakpoint
CREATE TABLE `cash_counts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`business_date` text NOT NULL,
	`counted_amount` integer NOT NULL,
	`book_amount` integer NOT NULL,
	`difference` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cash_counts_idem` ON `cash_counts` (`group_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `cash_counts_group_date` ON `cash_counts` (`group_id`,`business_date`);--> statement-breakpoint
CREATE TABLE `journal_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`business_date` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`purpose` text,
	`category` text,
	`note` text,
	`loan_id` integer,
	`reverses_entry_id` integer,
	`reverses_seq` integer,
	`reason` text,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`detail_salt` text NOT NULL,
	`detail_digest` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entries_group_seq` ON `journal_entries` (`group_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `entries_group_idem` ON `journal_entries` (`group_id`,`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `entries_reverses` ON `journal_entries` (`reverses_entry_id`);--> statement-breakpoint
CREATE INDEX `entries_group_date` ON `journal_entries` (`group_id`,`business_date`);--> statement-breakpoint
CREATE INDEX `entries_loan` ON `journal_entries` (`loan_id`);--> statement-breakpoint
CREATE TABLE `ledger_heads` (
	`group_id` integer PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL,
	`last_hash` text NOT NULL,
	`last_entry_at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `loans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`principal` integer NOT NULL,
	`term_months` integer NOT NULL,
	`rate_bps_per_month` integer NOT NULL,
	`method` text NOT NULL,
	`late_fine_amount` integer NOT NULL,
	`late_fine_grace_days` integer NOT NULL,
	`disbursed_on` text NOT NULL,
	`purpose` text NOT NULL,
	`crop` text,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loans_group` ON `loans` (`group_id`);--> statement-breakpoint
CREATE INDEX `loans_member` ON `loans` (`member_id`);--> statement-breakpoint
CREATE TABLE `postings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`business_date` text NOT NULL,
	`account` text NOT NULL,
	`member_id` integer,
	`loan_id` integer,
	`amount` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `postings_entry` ON `postings` (`entry_id`);--> statement-breakpoint
CREATE INDEX `postings_balance_date` ON `postings` (`group_id`,`account`,`member_id`,`loan_id`,`business_date`);--> statement-breakpoint
CREATE INDEX `postings_member` ON `postings` (`member_id`);--> statement-breakpoint
CREATE TABLE `account_balances` (
	`group_id` integer NOT NULL,
	`account` text NOT NULL,
	`member_id` integer NOT NULL,
	`loan_id` integer NOT NULL,
	`balance` integer NOT NULL,
	PRIMARY KEY(`group_id`, `account`, `member_id`, `loan_id`)
);
--> statement-breakpoint
CREATE TABLE `month_entries` (
	`group_id` integer NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`entries` integer NOT NULL,
	PRIMARY KEY(`group_id`, `month`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `month_postings` (
	`group_id` integer NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`account` text NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`group_id`, `month`, `kind`, `account`)
);

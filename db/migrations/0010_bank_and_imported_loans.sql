ALTER TABLE `cash_counts` ADD `account` text DEFAULT 'cash' NOT NULL;--> statement-breakpoint
ALTER TABLE `loans` ADD `imported_on` text;--> statement-breakpoint
ALTER TABLE `loans` ADD `imported_paid_installments` integer;--> statement-breakpoint
ALTER TABLE `loans` ADD `imported_principal_outstanding` integer;
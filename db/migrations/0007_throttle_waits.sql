ALTER TABLE `throttle` ADD `last_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `throttle` ADD `next_allowed_at` integer DEFAULT 0 NOT NULL;
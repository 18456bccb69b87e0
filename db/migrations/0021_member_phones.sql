CREATE TABLE `member_phones` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`group_id` integer NOT NULL,
	`phone` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_phones_group` ON `member_phones` (`group_id`);
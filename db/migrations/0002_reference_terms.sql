CREATE TABLE `reference_terms` (
	`group_id` integer PRIMARY KEY NOT NULL,
	`ijon_ratio_pct` integer NOT NULL,
	`rentenir_rate_bps_per_month` integer NOT NULL,
	`rentenir_method` text NOT NULL,
	`rentenir_period` text NOT NULL,
	`kur_annual_rate_bps` integer NOT NULL,
	`sources` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `ksm_groups`(`id`) ON UPDATE no action ON DELETE no action
);

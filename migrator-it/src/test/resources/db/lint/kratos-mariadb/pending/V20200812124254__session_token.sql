ALTER TABLE `sessions` ADD COLUMN `token` VARCHAR(32) NULL;
CREATE UNIQUE INDEX `sessions_token_uq_idx` ON `sessions` (`token`);

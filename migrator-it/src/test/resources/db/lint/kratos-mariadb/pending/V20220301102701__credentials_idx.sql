CREATE INDEX `identity_credentials_created_idx` ON `identity_credentials` (`created_at`) ALGORITHM=INPLACE LOCK=NONE;
ALTER TABLE `courier_messages` MODIFY `status` VARCHAR(7) NOT NULL DEFAULT 'queued';
# kratos writes comments like this one too
ALTER TABLE `courier_messages` ADD INDEX `courier_messages_status_idx` (`status`), ALGORITHM=INPLACE, LOCK=NONE;

ALTER TABLE orders ADD COLUMN status ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new';
CREATE TABLE events (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    payload TEXT,
    created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TRIGGER events_stamp BEFORE INSERT ON events FOR EACH ROW SET NEW.payload = COALESCE(NEW.payload, '');

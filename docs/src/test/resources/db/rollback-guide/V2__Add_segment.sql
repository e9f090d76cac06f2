ALTER TABLE customers ADD COLUMN segment VARCHAR(20) DEFAULT 'retail' NOT NULL;
CREATE INDEX customers_segment_idx ON customers (segment);

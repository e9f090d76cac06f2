-- Growing a VARCHAR within the same length byte (up to 255 bytes) is done in place.
ALTER TABLE payments MODIFY note VARCHAR(60);

-- Retention deletes feedback by age: index the receipt time.
CREATE INDEX IF NOT EXISTS feedback_received ON feedback (received_at);

-- processed_event is pruned by age (ProcessedEventRetention, ADR 0014): the pruning finds old rows by this index.
CREATE INDEX processed_event_age ON processed_event (processed_at);

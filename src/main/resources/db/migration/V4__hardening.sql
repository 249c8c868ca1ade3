-- Hardening (issue 10).

-- Pruning finished deliveries walks this index instead of the whole table: the predicate is the pruning query's.
CREATE INDEX deliveries_finished ON deliveries (created_at) WHERE state <> 'PENDING';

-- When the article first went out as breaking. Deliveries are forgotten after 14 days and articles live longer:
-- past that, who got the alert is no longer known, so the article is never pushed again.
ALTER TABLE articles ADD COLUMN breaking_pushed_at INTEGER;
UPDATE articles SET breaking_pushed_at = (SELECT MIN(d.created_at) FROM deliveries d
                                          WHERE d.kind = 'BREAKING' AND d.ref_id = articles.id)
WHERE EXISTS (SELECT 1 FROM deliveries d WHERE d.kind = 'BREAKING' AND d.ref_id = articles.id);

-- What identifies items already seen, kept longer than the articles themselves: an item still in its feed
-- after its article was pruned is not new. seen_at is refreshed while the item keeps appearing.
CREATE TABLE seen_items (
    dedup_key TEXT    PRIMARY KEY,
    seen_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX seen_items_seen ON seen_items (seen_at);
INSERT INTO seen_items (dedup_key, seen_at) SELECT dedup_key, fetched_at FROM articles;

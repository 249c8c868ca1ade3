-- PostgreSQL mirror of db/migration/V15__rich_messages.sql: the 'send_rich' request, chats that refuse rich
-- messages, reads counted per article and day.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_action_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_action_check
    CHECK (action IN ('send', 'copy', 'copy_album', 'pin', 'edit_text', 'edit_caption', 'delete',
                      'delete_or_edit_text', 'delete_or_edit_caption', 'send_rich'));
ALTER TABLE subscribers ADD COLUMN rich_refused_at BIGINT;

CREATE TABLE article_reads (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    day        TEXT   NOT NULL,
    reads      INTEGER NOT NULL,
    PRIMARY KEY (article_id, day)
);
CREATE INDEX article_reads_day ON article_reads (day, reads);

-- PostgreSQL mirror of db/migration/V10__typed_outbox.sql: message ids as numbers, albums as rows, and the
-- retraction's delete-or-edit request.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_action_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_action_check
    CHECK (action IN ('send', 'copy', 'copy_album', 'pin', 'edit_text', 'edit_caption', 'delete',
                      'delete_or_edit_text', 'delete_or_edit_caption'));
ALTER TABLE deliveries ADD COLUMN source_message_id BIGINT;
UPDATE deliveries SET source_message_id = split_part(source_message_ids, ',', 1)::BIGINT
    WHERE source_message_ids IS NOT NULL;

CREATE TABLE delivery_album_messages (
    delivery_id BIGINT  NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL CHECK (role IN ('SOURCE', 'SENT')),
    position    INTEGER NOT NULL,
    message_id  BIGINT  NOT NULL,
    PRIMARY KEY (delivery_id, role, position)
);
INSERT INTO delivery_album_messages (delivery_id, role, position, message_id)
    SELECT d.id, 'SOURCE', (s.pos - 1)::INTEGER, s.mid::BIGINT
    FROM deliveries d, unnest(string_to_array(d.source_message_ids, ',')) WITH ORDINALITY AS s (mid, pos)
    WHERE d.action = 'copy_album';
INSERT INTO delivery_album_messages (delivery_id, role, position, message_id)
    SELECT id, 'SENT', 0, telegram_message_id FROM deliveries
    WHERE action = 'copy_album' AND telegram_message_id IS NOT NULL;
INSERT INTO delivery_album_messages (delivery_id, role, position, message_id)
    SELECT d.id, 'SENT', s.pos::INTEGER, s.mid::BIGINT
    FROM deliveries d, unnest(string_to_array(d.more_message_ids, ',')) WITH ORDINALITY AS s (mid, pos)
    WHERE d.action = 'copy_album' AND d.telegram_message_id IS NOT NULL AND d.more_message_ids IS NOT NULL;

ALTER TABLE deliveries DROP COLUMN source_message_ids;
ALTER TABLE deliveries DROP COLUMN more_message_ids;

package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reading columns that may be NULL, and grouping rows per chat. */
final class Rows {

    private Rows() {
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /**
     * (chat, id) pairs sorted by chat, then id, cut into one ascending id array per chat: the per-reader skip lists
     * of a digest page.
     */
    static java.util.Map<Long, long[]> groupByChat(java.util.List<long[]> pairs) {
        java.util.Map<Long, long[]> byChat = new java.util.HashMap<>();
        int start = 0;
        for (int i = 1; i <= pairs.size(); i++) {
            if (i == pairs.size() || pairs.get(i)[0] != pairs.get(start)[0]) {
                long[] ids = new long[i - start];
                for (int j = start; j < i; j++) {
                    ids[j - start] = pairs.get(j)[1];
                }
                byChat.put(pairs.get(start)[0], ids);
                start = i;
            }
        }
        return byChat;
    }
}

package newsbot.store;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** SQL for {@code paid_spending}: paid messages sent per UTC day, which the daily Stars budget is checked against. */
public final class PaidSpending {

    public int messagesOn(Handle h, LocalDate day) {
        return h.createQuery("SELECT messages FROM paid_spending WHERE day = :day")
                .bind("day", day.toString())
                .mapTo(Integer.class)
                .findOne()
                .orElse(0);
    }

    /** Adds {@code n} paid messages to the day, on the caller's handle (the transaction that marks them sent). */
    public void add(Handle h, LocalDate day, int n) {
        h.createUpdate("INSERT INTO paid_spending (day, messages) VALUES (:day, :n) "
                        + "ON CONFLICT (day) DO UPDATE SET messages = paid_spending.messages + :n")
                .bind("day", day.toString())
                .bind("n", n)
                .execute();
    }

    /** Paid messages per day since {@code from}, oldest first. */
    public Map<LocalDate, Integer> since(Handle h, LocalDate from) {
        Map<LocalDate, Integer> days = new LinkedHashMap<>();
        h.createQuery("SELECT day, messages FROM paid_spending WHERE day >= :from ORDER BY day")
                .bind("from", from.toString())
                .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> days.put(e.getKey(), e.getValue()));
        return days;
    }
}

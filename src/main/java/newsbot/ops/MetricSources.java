package newsbot.ops;

import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import newsbot.delivery.DeliveryCounters;
import newsbot.delivery.Dispatcher;
import newsbot.delivery.Outbox;
import newsbot.store.Database;

/**
 * Where the numbers come from. The feature packages keep plain counters (as {@link DeliveryCounters} always did)
 * and know nothing of Micrometer; only this package does, and reads them when Prometheus scrapes.
 *
 * @param updatesHandled  updates handled since start
 * @param feedFetches     feed fetches since start by outcome ({@code fetched}, {@code not_modified}, {@code failed})
 * @param digestTicks     digest ticks run since start
 * @param digestTickNanos their total duration
 */
public record MetricSources(Database db, Outbox outbox, Clock clock, DeliveryCounters delivery, Supplier<Dispatcher.Status> sender,
                            LongSupplier updatesHandled, Supplier<Map<String, Long>> feedFetches,
                            LongSupplier digestTicks, LongSupplier digestTickNanos, BooleanSupplier active) {
}

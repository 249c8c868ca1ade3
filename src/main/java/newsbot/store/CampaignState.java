package newsbot.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a campaign (a broadcast, a correction, a retraction) stands, stored by name. The legal moves are here and
 * nowhere else: draft → [scheduled] → running ⇄ paused → done, or cancelled from any state not yet finished.
 */
public enum CampaignState {
    DRAFT, SCHEDULED, RUNNING, PAUSED, DONE, CANCELLED;

    /** The states a campaign may move to from this one. */
    public Set<CampaignState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SCHEDULED, RUNNING, CANCELLED);
            // a scheduled draft may be moved (SCHEDULED again), unscheduled, started or cancelled
            case SCHEDULED -> EnumSet.of(DRAFT, SCHEDULED, RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(PAUSED, DONE, CANCELLED);
            case PAUSED -> EnumSet.of(RUNNING, CANCELLED);
            case DONE, CANCELLED -> EnumSet.noneOf(CampaignState.class);
        };
    }

    /** The states from which {@code to} may be reached. */
    public static Set<CampaignState> sourcesOf(CampaignState to) {
        Set<CampaignState> from = EnumSet.noneOf(CampaignState.class);
        for (CampaignState s : values()) {
            if (s.next().contains(to)) {
                from.add(s);
            }
        }
        return from;
    }

    /** Not yet started: its options and schedule may still change. */
    public boolean isDraft() {
        return this == DRAFT || this == SCHEDULED;
    }

    /** Sending or paused: it has rows in the outbox that may still change. */
    public boolean isActive() {
        return this == RUNNING || this == PAUSED;
    }

    public boolean isFinished() {
        return this == DONE || this == CANCELLED;
    }
}

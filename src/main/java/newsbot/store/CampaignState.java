package newsbot.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a campaign (a broadcast, a correction, a retraction) stands, stored by name. The legal moves are here and
 * nowhere else: draft → [scheduled] → running ⇄ paused → done, or cancelled from any state not yet finished. A
 * mass send by an editor who needs a second pair of eyes waits in between: draft (or scheduled) → awaiting
 * approval → running, or scheduled when it has a time, or back to draft when rejected.
 */
public enum CampaignState {
    DRAFT, SCHEDULED, AWAITING_APPROVAL, RUNNING, PAUSED, DONE, CANCELLED;

    /** The states a campaign may move to from this one. */
    public Set<CampaignState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SCHEDULED, AWAITING_APPROVAL, RUNNING, CANCELLED);
            // a scheduled draft may be moved (SCHEDULED again), unscheduled, started, cancelled or, when an
            // editor's schedule needs approval, held until an admin approves
            case SCHEDULED -> EnumSet.of(DRAFT, SCHEDULED, AWAITING_APPROVAL, RUNNING, CANCELLED);
            // approved: at once, or at its time; rejected: a draft again
            case AWAITING_APPROVAL -> EnumSet.of(RUNNING, SCHEDULED, DRAFT, CANCELLED);
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

    /** Not yet started (its options and schedule change only as {@link #DRAFT} or {@link #SCHEDULED}). */
    public boolean isDraft() {
        return this == DRAFT || this == SCHEDULED || this == AWAITING_APPROVAL;
    }

    /** Sending or paused: it has rows in the outbox that may still change. */
    public boolean isActive() {
        return this == RUNNING || this == PAUSED;
    }

    public boolean isFinished() {
        return this == DONE || this == CANCELLED;
    }
}

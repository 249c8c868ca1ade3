package newsbot.store;

/** A kind's row of a campaign: its own parts around the {@link Campaign} part every kind shares. */
interface CampaignRow {

    Campaign campaign();

    default long id() {
        return campaign().id();
    }

    default CampaignState state() {
        return campaign().state();
    }

    /** The editor's language: of the preview, the progress and the report. */
    default String language() {
        return campaign().editor().language();
    }

    default boolean isFinished() {
        return campaign().isFinished();
    }
}

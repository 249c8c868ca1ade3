package newsbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import newsbot.chat.BreakingCommand.Route;
import newsbot.chat.BreakingCommand.Switch;
import org.junit.jupiter.api.Test;

/** The one rule that tells a reader's {@code /breaking on|off [category]} from an editor's push of an article. */
class BreakingCommandTest {

    @Test
    void onOrOffFirstIsAlwaysTheSwitchAnythingElseIsAPush() {
        assertThat(BreakingCommand.route("")).isEqualTo(Route.SHOW);
        assertThat(BreakingCommand.route("   ")).isEqualTo(Route.SHOW);
        for (String args : new String[] {"on", "OFF", "off спорт", "выкл Экономика", "вкл", "өчүр спорт", " on  world"}) {
            assertThat(BreakingCommand.route(args)).as(args).isEqualTo(Route.SWITCH);
        }
        for (String args : new String[] {"42", "fast 42", "https://example.org/on", "online", "onoff", "offside 3"}) {
            assertThat(BreakingCommand.route(args)).as(args).isEqualTo(Route.PUSH);
        }
        assertThat(BreakingCommand.parseSwitch("off  В мире")).contains(new Switch(false, "В мире"));
        assertThat(BreakingCommand.parseSwitch("on")).contains(new Switch(true, ""));
    }
}

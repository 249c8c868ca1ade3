package newsbot.chat;

import static newsbot.admin.AdminWorld.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsbot.telegram.FakeCallbackAnswer;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeUserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Groups through the real router, gateway and client against FakeBotApi: who may change a group, editors there. */
class GroupsEndToEndTest {

    static final long GROUP = -4242L;
    static final long OWNER = 501;
    static final long MEMBER = 502;

    @TempDir
    Path dir;
    private AdminRig rig;

    @BeforeEach
    void setUp() {
        rig = new AdminRig(dir);
        rig.telegram.setMemberStatus(GROUP, OWNER, "creator");
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private void inGroup(long user, String text) {
        rig.says(FakeUserMessage.of(GROUP, user, text).withLanguage("en").withChatType("group"));
    }

    private String lastInGroup() {
        List<FakeMessage> messages = rig.telegram.messagesTo(GROUP);
        return messages.get(messages.size() - 1).plainText();
    }

    private List<String> groupCategories() {
        return rig.world.db.withHandle(h -> rig.world.subscriptions.categoriesOf(h, GROUP));
    }

    private String groupStatus() {
        return rig.world.db.withHandle(h -> h.createQuery("SELECT status FROM subscribers WHERE chat_id = :c")
                .bind("c", GROUP).mapTo(String.class).one());
    }

    @Test
    void onlyTheGroupsAdministratorsChangeItsCategoriesAndStatus() {
        inGroup(MEMBER, "/subscribe economy");
        assertThat(lastInGroup()).contains("Only this group's administrators");
        assertThat(groupCategories()).isEmpty();

        inGroup(OWNER, "/subscribe economy");
        assertThat(lastInGroup()).doesNotContain("administrators");
        assertThat(groupCategories()).containsExactly("economy");

        inGroup(MEMBER, "/stop");
        assertThat(lastInGroup()).contains("Only this group's administrators");
        inGroup(MEMBER, "/pause");
        assertThat(groupStatus()).isEqualTo("ACTIVE");
        inGroup(MEMBER, "/breaking off");
        assertThat(lastInGroup()).contains("Only this group's administrators");

        rig.telegram.setMemberStatus(GROUP, MEMBER, "administrator");
        rig.world.time.advance(GroupAdmins.TTL.plusSeconds(1)); // the cached "not an admin" expires
        inGroup(MEMBER, "/pause");
        assertThat(groupStatus()).isEqualTo("PAUSED");
    }

    private List<newsbot.store.Phrase> groupTopics() {
        return rig.world.db.withHandle(h -> new newsbot.store.FollowedTopics().list(h, GROUP));
    }

    @Test
    void onlyTheGroupsAdministratorsChangeItsFollowedTopics() {
        inGroup(OWNER, "/follow dollar rate");
        inGroup(OWNER, "/follow elections");
        assertThat(groupTopics()).extracting(newsbot.store.Phrase::phrase)
                .containsExactly("dollar rate", "elections");

        inGroup(MEMBER, "/follow football");
        assertThat(lastInGroup()).contains("Only this group's administrators");
        inGroup(MEMBER, "/unfollow elections");
        assertThat(lastInGroup()).contains("Only this group's administrators");
        assertThat(groupTopics()).hasSize(2);

        inGroup(MEMBER, "/following"); // reading stays open, its remove buttons do not
        List<FakeMessage> toGroup = rig.telegram.messagesTo(GROUP);
        int list = toGroup.get(toGroup.size() - 1).messageId();
        long first = groupTopics().get(0).id();
        String query = rig.presses(MEMBER, GROUP, list, newsbot.chat.PhrasesView.FOLLOWED_PREFIX + first);
        assertThat(rig.telegram.awaitCallbackAnswer(query, Duration.ofSeconds(5)).text())
                .contains("Only the group's administrators");
        assertThat(groupTopics()).hasSize(2);

        rig.presses(OWNER, GROUP, list, newsbot.chat.PhrasesView.FOLLOWED_PREFIX + first);
        inGroup(OWNER, "/unfollow elections");
        assertThat(groupTopics()).isEmpty();
    }

    @Test
    void readingCommandsStayOpenToEveryMemberAndAdminsAreAskedOncePerMinute() {
        inGroup(MEMBER, "/help");
        assertThat(lastInGroup()).contains("/subscribe");
        assertThat(rig.telegram.requestCount("getChatMember")).isZero();

        inGroup(OWNER, "/subscribe economy");
        inGroup(OWNER, "/subscribe sport");
        assertThat(rig.telegram.requestCount("getChatMember")).isEqualTo(1);
        rig.world.time.advance(Duration.ofMinutes(2));
        inGroup(OWNER, "/unsubscribe sport");
        assertThat(rig.telegram.requestCount("getChatMember")).isEqualTo(2);
    }

    @Test
    void aMembersPressOnTheGroupsCategoryButtonsIsAnsweredAndChangesNothing() {
        inGroup(OWNER, "/categories");
        int keyboard = rig.telegram.messagesTo(GROUP).get(rig.telegram.messagesTo(GROUP).size() - 1).messageId();

        String query = rig.presses(MEMBER, GROUP, keyboard, Keyboards.TOGGLE_PREFIX + "economy");
        FakeCallbackAnswer answer = rig.telegram.awaitCallbackAnswer(query, Duration.ofSeconds(5));
        assertThat(answer.text()).contains("Only the group's administrators");
        assertThat(groupCategories()).isEmpty();

        rig.presses(OWNER, GROUP, keyboard, Keyboards.TOGGLE_PREFIX + "economy");
        assertThat(groupCategories()).containsExactly("economy");
    }

    @Test
    void editorsCommandsInAGroupOnlyAskToWritePrivately() {
        for (String command : List.of("/stats", "/feeds", "/broadcasts", "/broadcast Hello everyone", "/breaking 1")) {
            int before = rig.telegram.messagesTo(GROUP).size();
            inGroup(ADMIN, command);
            List<FakeMessage> toGroup = rig.telegram.messagesTo(GROUP);
            assertThat(toGroup).as(command).hasSize(before + 1);
            assertThat(toGroup.get(before).plainText()).as(command).contains("write to me privately");
        }
        assertThat(rig.telegram.photos()).isEmpty();
        assertThat(rig.telegram.messagesTo(ADMIN)).isEmpty();
    }

    @Test
    void argumentsOf5000CharactersGetANormalAnswer() {
        String huge = "Ж".repeat(5000);
        List<String> commands = List.of("/subscribe " + huge, "/unsubscribe " + huge, "/timezone " + huge,
                "/" + "z".repeat(5000), "/latest " + huge, "/quiet " + huge, "/schedule " + huge,
                "/search " + huge, "/breaking " + huge);
        for (String command : commands) {
            int before = rig.telegram.messagesTo(ADMIN).size();
            rig.says(FakeUserMessage.of(ADMIN, ADMIN, command).withLanguage("en"));
            List<FakeMessage> replies = rig.telegram.messagesTo(ADMIN);
            assertThat(replies).as(command.substring(0, 12)).hasSize(before + 1);
            assertThat(replies.get(before).text().length()).isLessThan(1000);
            assertThat(replies.get(before).plainText()).doesNotContain("Sorry");
        }
    }
}

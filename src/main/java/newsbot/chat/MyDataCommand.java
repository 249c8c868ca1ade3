package newsbot.chat;

import newsbot.telegram.SendOutcome;

/**
 * {@code /mydata}: sends the chat a JSON file of everything the bot stores about it ({@link ReaderData#export}).
 * The upload waits for Telegram's answer, outside the update's transaction, to tell the reader when it failed.
 */
final class MyDataCommand implements CommandHandler {

    private final ReaderData data;

    MyDataCommand(ReaderData data) {
        this.data = data;
    }

    @Override
    public void handle(Conversation c) {
        byte[] json = data.export(c.chatId(), c.language()).orElseThrow(); // the router enrolled the chat
        SendOutcome outcome = c.replyDocument(json, "mydata-" + c.chatId() + ".json", c.text("mydata.caption"));
        if (!(outcome instanceof SendOutcome.Delivered)) {
            c.replyWith("mydata.failed");
        }
    }

    @Override
    public boolean waitsForTelegram() {
        return true;
    }
}

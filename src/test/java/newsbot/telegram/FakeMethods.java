package newsbot.telegram;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Bot API methods the fake implements, with Telegram's validation and error texts.
 *
 * <p>Where the texts of the media, copy, pin and paid-broadcast methods come from: the Bot API documentation
 * gives the rules (copyMessage: service messages can't be copied, a quiz only if correct_option_id is known;
 * copyMessages: 1-100 ids, missing or uncopyable ones skipped, album grouping kept; deleteMessage: 48 hours;
 * paid broadcasts: up to 1000 messages/s for 0.1 Star each) but no error texts. The texts "message to copy not
 * found", "the message can't be copied", "message to pin not found", "not enough rights to manage pinned messages
 * in the chat", "there is no text/caption in the message to edit", "message can't be edited" and "message can't
 * be deleted for everyone" are Telegram's as quoted in public bug reports and client libraries; "message
 * identifiers must be in a strictly increasing order" is TDLib's rule as worded in a client library's error list.
 * Assumed, not found anywhere: "message identifiers are not specified", "too many messages to copy" and
 * {@link #NOT_ENOUGH_STARS}.
 */
final class FakeMethods {

    static final List<String> METHODS = List.of("getMe", "deleteWebhook", "getUpdates", "sendMessage",
            "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery", "setMyCommands", "sendPhoto",
            "sendDocument", "deleteMessage", "getChatMember", "getChat", "copyMessage", "copyMessages",
            "pinChatMessage", "editMessageCaption", "answerInlineQuery", "sendRichMessage");
    private static final Map<String, String> CANONICAL = METHODS.stream()
            .collect(Collectors.toUnmodifiableMap(m -> m.toLowerCase(Locale.ROOT), Function.identity()));
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    /** Bots may delete their own (and, in private chats, incoming) messages for 48 hours after sending. */
    static final Duration DELETE_WINDOW = Duration.ofHours(48);
    /** The kinds copyMessage recognises, in the order a message's fields are checked (animation before document). */
    private static final List<String> CONTENT_KINDS = List.of("text", "animation", "photo", "video", "document",
            "audio", "voice", "poll");
    /** Assumed wording: Telegram's text for a bot without enough Stars for a paid broadcast was not found. */
    static final String NOT_ENOUGH_STARS = "not enough Stars to send paid broadcast";
    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
            + "markup are exactly the same as a current content and reply markup of the message";

    private final FakeState state;
    private final FakeUpdates updates;
    private final FakeRateLimiter limiter;
    private final FakeJson json;
    private final LongSupplier nanoClock;
    private final FakeInline inline;

    FakeMethods(FakeState state, FakeUpdates updates, FakeRateLimiter limiter, FakeJson json,
                LongSupplier nanoClock) {
        this.state = state;
        this.updates = updates;
        this.limiter = limiter;
        this.json = json;
        this.nanoClock = nanoClock;
        this.inline = new FakeInline(state, json);
    }

    /** The method's canonical name, or null if the fake (like Telegram for unknown names) answers 404. */
    static String canonical(String requested) {
        return CANONICAL.get(requested.toLowerCase(Locale.ROOT));
    }

    JsonNode handle(String method, FakeRequest r) {
        return switch (method) {
            case "getMe" -> json.me().put("supports_inline_queries", state.inlineMode);
            case "deleteWebhook" -> {
                if (r.bool("drop_pending_updates")) {
                    updates.dropPending();
                }
                yield BooleanNode.TRUE;
            }
            case "getUpdates" -> updates.poll(r.intOr("offset", 0), r.intOr("limit", 100), r.intOr("timeout", 0),
                    allowedUpdates(r));
            case "sendMessage" -> sendMessage(r);
            case "editMessageText" -> editMessageText(r);
            case "editMessageReplyMarkup" -> editMessageReplyMarkup(r);
            case "answerCallbackQuery" -> answerCallbackQuery(r);
            case "setMyCommands" -> setMyCommands(r);
            case "sendPhoto" -> sendPhoto(r);
            case "sendDocument" -> sendDocument(r);
            case "answerInlineQuery" -> inline.answerInlineQuery(r, nanoClock.getAsLong());
            case "deleteMessage" -> deleteMessage(r);
            case "getChatMember" -> chatMember(r);
            case "getChat" -> chat(r);
            case "copyMessage" -> copyMessage(r);
            case "copyMessages" -> copyMessages(r);
            case "pinChatMessage" -> pinChatMessage(r);
            case "editMessageCaption" -> editMessageCaption(r);
            case "sendRichMessage" -> sendRichMessage(r);
            default -> throw new FakeApiError(404, "Not Found", null, null);
        };
    }

    /** getUpdates' allowed_updates: the kinds of update the bot wants; empty (all) when not given. */
    private static java.util.Set<String> allowedUpdates(FakeRequest r) {
        JsonNode list = r.object("allowed_updates");
        java.util.Set<String> kinds = new java.util.HashSet<>();
        if (list != null && list.isArray()) {
            list.forEach(kind -> kinds.add(kind.asText()));
        }
        return kinds;
    }

    private JsonNode chat(FakeRequest r) {
        String ref = r.string("chat_id");
        return state.locked(() -> {
            long chatId = ref != null && ref.startsWith("@")
                    ? state.usernames.getOrDefault(ref.toLowerCase(Locale.ROOT), 0L) : r.chatId();
            if (chatId == 0 || state.statuses.get(chatId) == FakeState.ChatStatus.FORGOTTEN) {
                throw FakeApiError.badRequest("chat not found");
            }
            ObjectNode chat = json.chat(chatId, state.chatType(chatId), null);
            state.usernames.forEach((name, id) -> {
                if (id == chatId) {
                    chat.put("username", name.substring(1));
                }
            });
            return chat;
        });
    }

    private JsonNode chatMember(FakeRequest r) {
        long chatId = r.chatId();
        long userId = r.requiredLong("user_id");
        String status = state.locked(() -> state.memberStatuses.getOrDefault(chatId + ":" + userId,
                "channel".equals(state.chatTypes.get(chatId)) ? "left" : "member"));
        boolean inChannel = state.locked(() -> "channel".equals(state.chatTypes.get(chatId)));
        boolean mayPost = state.locked(() -> state.canPost.getOrDefault(chatId + ":" + userId, true));
        ObjectNode member = json.mapper.createObjectNode();
        member.put("status", status);
        ObjectNode user = member.putObject("user");
        user.put("id", userId);
        user.put("is_bot", false);
        user.put("first_name", "User " + userId);
        if (status.equals("administrator")) {
            member.put("can_be_edited", false);
            member.put("can_change_info", true);
            if (inChannel) {
                member.put("can_post_messages", mayPost);
            }
        }
        return member;
    }

    private JsonNode sendMessage(FakeRequest r) {
        long chatId = r.chatId();
        String text = r.string("text");
        String parseMode = r.string("parse_mode");
        state.locked(() -> {
            state.checkWritable(chatId);
            return null;
        });
        String plain = visibleText(text, parseMode, FakeLimits.MAX_MESSAGE, "message is too long",
                "message text is empty");
        FakeMarkup.Parsed markup = FakeMarkup.parse(r.object("reply_markup"), json);
        Integer thread = thread(r, chatId);
        checkEphemeral(r, chatId);
        boolean paid = r.bool("allow_paid_broadcast");
        takeRateToken(chatId, 1, paid);
        return state.locked(() -> {
            FakeMessage message = new FakeMessage(chatId, state.nextMessageId(chatId), text, plain, parseMode,
                    r.bool("disable_notification"), previewDisabled(r), markup.json(), markup.keyboard(),
                    nanoClock.getAsLong(), 0, "text", null, null, null, paid, thread);
            if (r.has("receiver_user_id")) {
                state.ephemeralReceivers.put(new FakeState.Key(chatId, message.messageId()),
                        r.requiredLong("receiver_user_id"));
            }
            store(message, null, true);
            return state.botMessageJson(json, message);
        });
    }

    /**
     * A rich message: checked as Telegram checks it ({@link FakeRichMessage}); {@code text} holds the
     * rich_message as sent (JSON), {@code plainText} what a reader sees. A chat a test made refuse rich messages
     * answers 400 with the test's description.
     */
    private JsonNode sendRichMessage(FakeRequest r) {
        long chatId = r.chatId();
        JsonNode rich = r.object("rich_message");
        state.locked(() -> {
            state.checkWritable(chatId);
            String refusal = state.richRefusals.get(chatId);
            if (refusal != null) {
                throw FakeApiError.badRequest(refusal);
            }
            return null;
        });
        FakeRichMessage.Checked checked = FakeRichMessage.check(rich);
        FakeMarkup.Parsed markup = FakeMarkup.parse(r.object("reply_markup"), json);
        Integer thread = thread(r, chatId);
        boolean paid = r.bool("allow_paid_broadcast");
        takeRateToken(chatId, 1, paid);
        return state.locked(() -> {
            FakeMessage message = new FakeMessage(chatId, state.nextMessageId(chatId), rich.toString(),
                    checked.plainText(), null, r.bool("disable_notification"), true, markup.json(),
                    markup.keyboard(), nanoClock.getAsLong(), 0, FakeMessage.RICH, null, null, null, paid, thread);
            store(message, null, true);
            return state.botMessageJson(json, message);
        });
    }

    /**
     * An ephemeral message (sendMessage with receiver_user_id): shown in a group to one member only, as the
     * answer to that member's button press. Assumed wording: Telegram's text for a receiver who did not press.
     */
    private void checkEphemeral(FakeRequest r, long chatId) {
        if (!r.has("receiver_user_id")) {
            return;
        }
        long receiver = r.requiredLong("receiver_user_id");
        String query = r.string("callback_query_id");
        FakeState.Presser pressed = query == null ? null
                : state.locked(() -> state.callbackQueryPressers.get(query));
        if (pressed == null || pressed.chatId() != chatId || pressed.userId() != receiver) {
            throw FakeApiError.badRequest("ephemeral messages can be sent only in reply to the receiver's "
                    + "callback query");
        }
    }

    /** Remembers one of the bot's messages. Call with the lock held. */
    private void store(FakeMessage message, ObjectNode content, boolean listed) {
        FakeState.Key key = new FakeState.Key(message.chatId(), message.messageId());
        if (listed) {
            state.sent.add(message);
        }
        state.current.put(key, message);
        if (content != null && !content.isEmpty()) {
            state.content.put(key, content);
        }
        if (message.threadId() != null) {
            state.threads.put(key, message.threadId());
        }
        state.changed.signalAll();
    }

    /** The message_thread_id of a send, null for none; 400 as Telegram for a topic that does not exist. */
    private Integer thread(FakeRequest r, long chatId) {
        int thread = r.intOr("message_thread_id", 0);
        if (thread != 0 && !state.locked(() -> state.forumTopics.contains(new FakeState.Key(chatId, thread)))) {
            throw FakeApiError.badRequest("message thread not found");
        }
        return thread == 0 ? null : thread;
    }

    private JsonNode editMessageText(FakeRequest r) {
        rejectInline(r);
        long chatId = r.chatId();
        int messageId = (int) r.requiredLong("message_id");
        String text = r.string("text");
        String parseMode = r.string("parse_mode");
        state.locked(() -> {
            state.checkWritable(chatId);
            return null;
        });
        String plain = visibleText(text, parseMode, FakeLimits.MAX_MESSAGE, "message is too long",
                "message text is empty");
        FakeMarkup.Parsed markup = FakeMarkup.parse(r.object("reply_markup"), json);
        takeRateToken(chatId); // Telegram counts edits against the chat's limits like messages
        return edit(chatId, messageId, old -> {
            if (!old.isText()) {
                throw FakeApiError.badRequest("there is no text in the message to edit");
            }
            if (old.text().equals(text) && Objects.equals(old.replyMarkupJson(), markup.json())) {
                throw FakeApiError.badRequest(NOT_MODIFIED);
            }
            return old.edited(text, plain, parseMode, previewDisabled(r), markup.json(), markup.keyboard());
        });
    }

    private JsonNode editMessageReplyMarkup(FakeRequest r) {
        rejectInline(r);
        long chatId = r.chatId();
        int messageId = (int) r.requiredLong("message_id");
        FakeMarkup.Parsed markup = FakeMarkup.parse(r.object("reply_markup"), json);
        return edit(chatId, messageId, old -> {
            if (Objects.equals(old.replyMarkupJson(), markup.json())) {
                throw FakeApiError.badRequest(NOT_MODIFIED);
            }
            return old.edited(old.text(), old.plainText(), old.parseMode(), old.linkPreviewDisabled(),
                    markup.json(), markup.keyboard());
        });
    }

    private JsonNode edit(long chatId, int messageId, Function<FakeMessage, FakeMessage> change) {
        return state.locked(() -> {
            state.checkWritable(chatId);
            FakeState.Key key = new FakeState.Key(chatId, messageId);
            FakeMessage old = state.current.get(key);
            if (old == null) {
                // A user's message exists but is not the bot's to edit.
                throw FakeApiError.badRequest(state.userMessages.containsKey(key) ? "message can't be edited"
                        : "message to edit not found");
            }
            if (state.uneditable.contains(key)) {
                throw FakeApiError.badRequest("message can't be edited");
            }
            FakeMessage updated = change.apply(old);
            state.current.put(key, updated);
            state.changed.signalAll();
            return state.botMessageJson(json, updated);
        });
    }

    private JsonNode answerCallbackQuery(FakeRequest r) {
        String id = r.string("callback_query_id");
        String text = r.string("text");
        if (text != null && text.length() > 200) {
            throw FakeApiError.badRequest("message is too long");
        }
        String url = r.string("url");
        // Telegram opens only a game or a t.me link to the bot itself with a start parameter
        if (url != null && !url.startsWith("https://t.me/" + FakeJson.BOT_USERNAME + "?start=")) {
            throw FakeApiError.badRequest("URL_INVALID");
        }
        FakeCallbackAnswer answer = new FakeCallbackAnswer(id, text, r.bool("show_alert"), nanoClock.getAsLong(),
                url);
        state.locked(() -> {
            if (id == null || !state.openCallbackQueries.remove(id)) {
                throw FakeApiError.badRequest(
                        "query is too old and response timeout expired or query ID is invalid");
            }
            state.callbackAnswers.add(answer);
            state.changed.signalAll();
            return null;
        });
        return BooleanNode.TRUE;
    }

    private JsonNode setMyCommands(FakeRequest r) {
        JsonNode list = r.object("commands");
        if (list == null || !list.isArray()) {
            throw FakeApiError.badRequest("field \"commands\" must be an Array");
        }
        if (list.size() > 100) {
            throw FakeApiError.badRequest("BOT_COMMANDS_TOO_MUCH");
        }
        List<FakeCommand> commands = new ArrayList<>();
        for (JsonNode entry : list) {
            String command = entry.path("command").asText("");
            String description = entry.path("description").asText("");
            if (!COMMAND.matcher(command).matches()) {
                throw FakeApiError.badRequest("BOT_COMMAND_INVALID");
            }
            if (description.isBlank() || description.length() > 256) {
                throw FakeApiError.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }
            commands.add(new FakeCommand(command, description));
        }
        String language = Objects.requireNonNullElse(r.string("language_code"), "");
        state.update(() -> state.commands.put(language, List.copyOf(commands)));
        return BooleanNode.TRUE;
    }

    private JsonNode sendPhoto(FakeRequest r) {
        return sendUpload(r, "photo", (chatId, messageId, upload) -> {
            state.photos.add(new FakePhoto(chatId, messageId, upload.bytes(), upload.fileName(), upload.caption(),
                    upload.parseMode(), upload.at()));
            ObjectNode content = json.mapper.createObjectNode();
            content.putArray("photo").addObject().put("file_id", "photo-" + chatId + "-" + messageId)
                    .put("file_unique_id", "u" + chatId + "_" + messageId)
                    .put("width", 800).put("height", 600).put("file_size", upload.bytes().length);
            return content;
        });
    }

    /** sendDocument with an uploaded file (multipart), as /mydata sends one; Telegram takes up to 50 MB. */
    private JsonNode sendDocument(FakeRequest r) {
        return sendUpload(r, "document", (chatId, messageId, upload) -> {
            if (upload.bytes().length > FakeLimits.MAX_UPLOAD_BYTES) {
                throw new FakeApiError(413, "Request Entity Too Large", null, null);
            }
            state.documents.add(new FakeDocument(chatId, messageId, upload.bytes(), upload.fileName(),
                    upload.caption(), upload.parseMode(), upload.at()));
            ObjectNode content = json.mapper.createObjectNode();
            content.putObject("document").put("file_id", "document-" + chatId + "-" + messageId)
                    .put("file_unique_id", "d" + chatId + "_" + messageId)
                    .put("file_name", upload.fileName()).put("file_size", upload.bytes().length);
            return content;
        });
    }

    /** What a sendPhoto or sendDocument uploaded, as the recorders need it. */
    private record Upload(byte[] bytes, String fileName, String caption, String parseMode, long at) {
    }

    /** Records an upload (under the state's lock) and returns the message content Telegram shows for it. */
    @FunctionalInterface
    private interface UploadRecorder {
        ObjectNode record(long chatId, int messageId, Upload upload);
    }

    /**
     * A file sent as multipart ({@code field} a part, or {@code attach://name}) or by an existing id, with an
     * optional caption checked as Telegram checks captions.
     */
    private JsonNode sendUpload(FakeRequest r, String field, UploadRecorder recorder) {
        long chatId = r.chatId();
        String given = r.string(field);
        FakeRequest.FilePart file = given != null && given.startsWith("attach://")
                ? r.file(given.substring("attach://".length())) : r.file(field);
        if (file == null && (given == null || given.startsWith("attach://"))) {
            throw FakeApiError.badRequest("there is no " + field + " in the request");
        }
        String caption = r.string("caption");
        String parseMode = r.string("parse_mode");
        state.locked(() -> {
            state.checkWritable(chatId);
            return null;
        });
        String plainCaption = caption == null || caption.isEmpty() ? "" : visibleText(caption, parseMode,
                FakeLimits.MAX_CAPTION, "message caption is too long", null);
        FakeMarkup.Parsed markup = FakeMarkup.parse(r.object("reply_markup"), json);
        boolean paid = r.bool("allow_paid_broadcast");
        takeRateToken(chatId, 1, paid);
        return state.locked(() -> {
            int messageId = state.nextMessageId(chatId);
            byte[] bytes = file == null ? new byte[0] : file.bytes();
            String fileName = file == null ? given : file.fileName();
            long now = nanoClock.getAsLong();
            ObjectNode content = recorder.record(chatId, messageId,
                    new Upload(bytes, fileName, caption, parseMode, now));
            state.otherMessages.add(new FakeState.Key(chatId, messageId));
            // Not in sentMessages() (photos() and documents() list them), but current() knows it: it can be
            // copied, edited, pinned.
            boolean captioned = !plainCaption.isEmpty();
            FakeMessage message = new FakeMessage(chatId, messageId, captioned ? caption : "", plainCaption,
                    parseMode, r.bool("disable_notification"), false, markup.json(), markup.keyboard(), now, 0,
                    field, captioned ? caption : null, null, null, paid, null);
            store(message, content, false);
            return state.botMessageJson(json, message);
        });
    }

    private JsonNode deleteMessage(FakeRequest r) {
        long chatId = r.chatId();
        int messageId = (int) r.requiredLong("message_id");
        return state.locked(() -> {
            state.checkWritable(chatId);
            FakeState.Key key = new FakeState.Key(chatId, messageId);
            FakeMessage bots = state.current.get(key);
            boolean users = state.userMessages.containsKey(key);
            if (bots == null && !users && !state.otherMessages.contains(key)) {
                throw FakeApiError.badRequest("message to delete not found");
            }
            Long sentAt = bots != null ? Long.valueOf(bots.sentAtNanos()) : state.receivedAtNanos.get(key);
            if (sentAt != null && nanoClock.getAsLong() - sentAt >= DELETE_WINDOW.toNanos()) {
                throw FakeApiError.badRequest("message can't be deleted for everyone");
            }
            state.current.remove(key);
            state.otherMessages.remove(key);
            state.userMessages.remove(key);
            state.receivedAtNanos.remove(key);
            state.content.remove(key);
            state.deleted.add(key);
            state.pins.getOrDefault(chatId, new ArrayList<>()).remove(Integer.valueOf(messageId));
            state.changed.signalAll();
            return BooleanNode.TRUE;
        });
    }

    // ---- copying --------------------------------------------------------------------------------------------

    /** What a copy is made of: the kind, the visible text (caption, question) and the fields to carry over. */
    private record Source(FakeMessage.Ref ref, String kind, String text, ObjectNode content, String mediaGroupId) {
    }

    /** A caption given to copyMessage: as sent, as seen, its parse mode. */
    private record NewCaption(String source, String plain, String parseMode, JsonNode entities) {
    }

    private JsonNode copyMessage(FakeRequest r) {
        long chatId = r.chatId();
        long fromChatId = fromChatId(r);
        int messageId = (int) r.requiredLong("message_id");
        state.locked(() -> {
            state.checkWritable(chatId);
            return null;
        });
        NewCaption caption = null;
        if (r.has("caption")) {
            String text = r.string("caption");
            String parseMode = r.string("parse_mode");
            String plain = text.isEmpty() ? "" : visibleText(text, parseMode, FakeLimits.MAX_CAPTION,
                    "message caption is too long", null);
            caption = new NewCaption(text, plain, parseMode, r.object("caption_entities"));
        }
        FakeMarkup.Parsed markup = FakeMarkup.parse(r.object("reply_markup"), json);
        Integer thread = thread(r, chatId);
        Source source = state.locked(() -> source(fromChatId, messageId));
        boolean paid = r.bool("allow_paid_broadcast");
        takeRateToken(chatId, 1, paid);
        NewCaption newCaption = caption;
        return state.locked(() -> {
            FakeMessage copy = copy(chatId, source, newCaption, false, markup, r.bool("disable_notification"),
                    thread, paid, null);
            return json.mapper.createObjectNode().put("message_id", copy.messageId());
        });
    }

    private JsonNode copyMessages(FakeRequest r) {
        long chatId = r.chatId();
        long fromChatId = fromChatId(r);
        JsonNode ids = r.object("message_ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw FakeApiError.badRequest("message identifiers are not specified");
        }
        if (ids.size() > 100) {
            throw FakeApiError.badRequest("too many messages to copy");
        }
        List<Integer> messageIds = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToInt() && !id.asText().matches("\\d+")) {
                throw FakeApiError.badRequest("invalid message identifier specified");
            }
            int value = id.asInt();
            if (!messageIds.isEmpty() && value <= messageIds.get(messageIds.size() - 1)) {
                throw FakeApiError.badRequest("message identifiers must be in a strictly increasing order");
            }
            messageIds.add(value);
        }
        state.locked(() -> {
            state.checkWritable(chatId);
            return null;
        });
        Integer thread = thread(r, chatId);
        // As documented: messages that can't be found or copied are skipped; none at all is an error.
        List<Source> sources = state.locked(() -> {
            List<Source> found = new ArrayList<>();
            for (int id : messageIds) {
                try {
                    found.add(source(fromChatId, id));
                } catch (FakeApiError skipped) {
                    // skipped like Telegram does
                }
            }
            return found;
        });
        if (sources.isEmpty()) {
            throw FakeApiError.badRequest("message to copy not found");
        }
        // One token per message copied, admitted when one is available (FakeRateLimiter#tryAcquire).
        takeRateToken(chatId, sources.size(), false);
        boolean removeCaption = r.bool("remove_caption");
        boolean silent = r.bool("disable_notification");
        return state.locked(() -> {
            ArrayNode result = json.mapper.createArrayNode();
            Map<String, String> albums = new HashMap<>();
            for (Source source : sources) {
                String album = source.mediaGroupId() == null ? null
                        : albums.computeIfAbsent(source.mediaGroupId(), old -> state.nextMediaGroupId());
                FakeMessage copy = copy(chatId, source, null, removeCaption, FakeMarkup.Parsed.NONE, silent, thread,
                        false, album);
                result.addObject().put("message_id", copy.messageId());
            }
            return result;
        });
    }

    private static long fromChatId(FakeRequest r) {
        String value = r.string("from_chat_id");
        if (value == null || value.isBlank()) {
            throw FakeApiError.badRequest("from_chat_id is empty");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw FakeApiError.badRequest("chat not found");
        }
    }

    /** The message to copy as Telegram would see it, or its 400. Call with the lock held. */
    private Source source(long chatId, int messageId) {
        FakeState.Key key = new FakeState.Key(chatId, messageId);
        ObjectNode node = state.userMessages.get(key);
        if (node == null) {
            FakeMessage bots = state.current.get(key);
            node = bots == null ? null : state.botMessageJson(json, bots);
        }
        if (node == null) {
            throw FakeApiError.badRequest("message to copy not found");
        }
        String kind = CONTENT_KINDS.stream().filter(node::has).findFirst()
                .orElseThrow(() -> FakeApiError.badRequest("the message can't be copied")); // service messages
        ObjectNode content = json.mapper.createObjectNode();
        String text;
        if (kind.equals("text")) {
            text = node.get("text").asText();
            if (node.has("entities")) {
                content.set("entities", node.get("entities").deepCopy());
            }
        } else if (kind.equals("poll")) {
            JsonNode poll = node.get("poll");
            if (poll.path("type").asText().equals("quiz") && !poll.has("correct_option_id")) {
                throw FakeApiError.badRequest("the message can't be copied");
            }
            text = poll.path("question").asText();
            content.set("poll", poll.deepCopy());
        } else {
            text = node.path("caption").asText("");
            content.set(kind, node.get(kind).deepCopy());
            if (kind.equals("animation")) {
                content.set("document", node.get("document").deepCopy());
            }
            if (node.has("caption_entities")) {
                content.set("caption_entities", node.get("caption_entities").deepCopy());
            }
        }
        String album = node.hasNonNull("media_group_id") ? node.get("media_group_id").asText() : null;
        return new Source(new FakeMessage.Ref(chatId, messageId), kind, text, content, album);
    }

    /** Makes the bot's copy of a source in a chat. Call with the lock held, after the rate token was taken. */
    private FakeMessage copy(long chatId, Source source, NewCaption caption, boolean removeCaption,
                             FakeMarkup.Parsed markup, boolean silent, Integer thread, boolean paid, String album) {
        int messageId = state.nextMessageId(chatId);
        ObjectNode content = source.content().deepCopy();
        String text = source.text();
        String plain = source.text();
        String parseMode = null;
        String captionSource = null;
        if (content.has("poll")) {
            ObjectNode poll = (ObjectNode) content.get("poll");
            poll.put("id", "p" + chatId + "_" + messageId); // a copy is a new poll, without the votes
            poll.put("total_voter_count", 0);
            poll.withArray("options").forEach(o -> ((ObjectNode) o).put("voter_count", 0));
        } else if (!source.kind().equals("text")) {
            if (removeCaption) {
                text = "";
                plain = "";
                content.remove("caption_entities");
            } else if (caption != null) {
                text = caption.source();
                plain = caption.plain();
                parseMode = caption.parseMode();
                content.remove("caption_entities");
                if (caption.entities() != null && caption.entities().isArray() && !caption.entities().isEmpty()) {
                    content.set("caption_entities", caption.entities());
                }
            }
            captionSource = text.isEmpty() ? null : text;
        }
        FakeMessage copy = new FakeMessage(chatId, messageId, text, plain, parseMode, silent, false, markup.json(),
                markup.keyboard(), nanoClock.getAsLong(), 0, source.kind(), captionSource, source.ref(), album,
                paid, thread);
        store(copy, content, true);
        return copy;
    }

    // ---- pinning and captions -------------------------------------------------------------------------------

    private JsonNode pinChatMessage(FakeRequest r) {
        long chatId = r.chatId();
        int messageId = (int) r.requiredLong("message_id");
        // Not rate limited: Telegram's documented limits are about sending messages.
        return state.locked(() -> {
            state.checkWritable(chatId);
            if (!state.chatType(chatId).equals("private") && state.pinningDenied.contains(chatId)) {
                throw FakeApiError.badRequest("not enough rights to manage pinned messages in the chat");
            }
            FakeState.Key key = new FakeState.Key(chatId, messageId);
            if (!state.current.containsKey(key) && !state.userMessages.containsKey(key)) {
                throw FakeApiError.badRequest("message to pin not found");
            }
            List<Integer> pinned = state.pins.computeIfAbsent(chatId, id -> new ArrayList<>());
            pinned.remove(Integer.valueOf(messageId));
            pinned.add(messageId);
            state.changed.signalAll();
            return BooleanNode.TRUE;
        });
    }

    private JsonNode editMessageCaption(FakeRequest r) {
        rejectInline(r);
        long chatId = r.chatId();
        int messageId = (int) r.requiredLong("message_id");
        String caption = r.string("caption");
        String parseMode = r.string("parse_mode");
        state.locked(() -> {
            state.checkWritable(chatId);
            return null;
        });
        String plain = caption == null || caption.isEmpty() ? "" : visibleText(caption, parseMode,
                FakeLimits.MAX_CAPTION, "message caption is too long", null);
        FakeMarkup.Parsed markup = FakeMarkup.parse(r.object("reply_markup"), json);
        JsonNode entities = r.object("caption_entities");
        takeRateToken(chatId, 1, false); // counted like editMessageText
        return edit(chatId, messageId, old -> {
            if (!old.isMedia()) {
                throw FakeApiError.badRequest("there is no caption in the message to edit");
            }
            String source = caption == null ? "" : caption;
            if (old.text().equals(source) && Objects.equals(old.replyMarkupJson(), markup.json())) {
                throw FakeApiError.badRequest(NOT_MODIFIED);
            }
            ObjectNode content = state.content.get(new FakeState.Key(chatId, messageId));
            if (content != null) {
                content.remove("caption_entities");
                if (entities != null && entities.isArray() && !entities.isEmpty() && !source.isEmpty()) {
                    content.set("caption_entities", entities);
                }
            }
            return old.captionEdited(caption, plain, parseMode, markup.json(), markup.keyboard());
        });
    }

    private void takeRateToken(long chatId) {
        takeRateToken(chatId, 1, false);
    }

    /**
     * Takes {@code count} rate tokens for sends to a chat; a paid broadcast is paid for first (0.1 Star a message,
     * refunded on a 429) and takes its global token from the paid bucket.
     */
    private void takeRateToken(long chatId, int count, boolean paid) {
        if (paid) {
            state.update(() -> {
                if (state.paidBroadcastRefusal != null) {
                    throw FakeApiError.badRequest(state.paidBroadcastRefusal);
                }
                if (state.starBalanceTenths != Long.MAX_VALUE) {
                    if (state.starBalanceTenths < count) {
                        throw FakeApiError.badRequest(NOT_ENOUGH_STARS);
                    }
                    state.starBalanceTenths -= count;
                }
                state.paidMessages += count;
                state.paidTenthsSpent += count;
            });
        }
        OptionalInt retryAfter = limiter.tryAcquire(chatId, count, paid);
        if (retryAfter.isPresent()) {
            if (paid) {
                state.update(() -> {
                    if (state.starBalanceTenths != Long.MAX_VALUE) {
                        state.starBalanceTenths += count;
                    }
                    state.paidMessages -= count;
                    state.paidTenthsSpent -= count;
                });
            }
            throw FakeApiError.tooManyRequests(retryAfter.getAsInt());
        }
    }

    /** The text a reader would see, or the 400 Telegram gives for it. */
    static String visibleText(String text, String parseMode, int max, String tooLong, String empty) {
        if (text == null) {
            throw FakeApiError.badRequest(empty == null ? "caption is empty" : empty);
        }
        String mode = parseMode == null ? "" : parseMode.toLowerCase(Locale.ROOT);
        String plain;
        if (mode.equals("html")) {
            TelegramHtmlValidator.Result result = TelegramHtmlValidator.parse(text);
            if (!result.valid()) {
                throw FakeApiError.badRequest("can't parse entities: " + result.error());
            }
            plain = result.plainText();
        } else if (mode.isEmpty() || mode.equals("markdown") || mode.equals("markdownv2")) {
            plain = text; // Markdown is not parsed by the fake: only lengths are checked
        } else {
            throw FakeApiError.badRequest("unsupported parse_mode");
        }
        if (empty != null && plain.isBlank()) {
            throw FakeApiError.badRequest(empty);
        }
        if (plain.length() > max) {
            throw FakeApiError.badRequest(tooLong);
        }
        return plain;
    }

    private static boolean previewDisabled(FakeRequest r) {
        JsonNode options = r.object("link_preview_options");
        return r.bool("disable_web_page_preview") || options != null && options.path("is_disabled").asBoolean();
    }

    private static void rejectInline(FakeRequest r) {
        if (r.has("inline_message_id")) {
            throw FakeApiError.badRequest("inline messages are not supported by FakeBotApi");
        }
    }
}

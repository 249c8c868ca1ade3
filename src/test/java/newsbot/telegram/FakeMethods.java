package newsbot.telegram;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The Bot API methods the fake implements, with Telegram's validation and error texts. */
final class FakeMethods {

    static final List<String> METHODS = List.of("getMe", "deleteWebhook", "getUpdates", "sendMessage",
            "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery", "setMyCommands", "sendPhoto",
            "deleteMessage", "getChatMember", "getChat");
    private static final Map<String, String> CANONICAL = METHODS.stream()
            .collect(Collectors.toUnmodifiableMap(m -> m.toLowerCase(Locale.ROOT), Function.identity()));
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
            + "markup are exactly the same as a current content and reply markup of the message";

    private final FakeState state;
    private final FakeUpdates updates;
    private final FakeRateLimiter limiter;
    private final FakeJson json;
    private final LongSupplier nanoClock;

    FakeMethods(FakeState state, FakeUpdates updates, FakeRateLimiter limiter, FakeJson json,
                LongSupplier nanoClock) {
        this.state = state;
        this.updates = updates;
        this.limiter = limiter;
        this.json = json;
        this.nanoClock = nanoClock;
    }

    /** The method's canonical name, or null if the fake (like Telegram for unknown names) answers 404. */
    static String canonical(String requested) {
        return CANONICAL.get(requested.toLowerCase(Locale.ROOT));
    }

    JsonNode handle(String method, FakeRequest r) {
        return switch (method) {
            case "getMe" -> json.me();
            case "deleteWebhook" -> {
                if (r.bool("drop_pending_updates")) {
                    updates.dropPending();
                }
                yield BooleanNode.TRUE;
            }
            case "getUpdates" -> updates.poll(r.intOr("offset", 0), r.intOr("limit", 100), r.intOr("timeout", 0));
            case "sendMessage" -> sendMessage(r);
            case "editMessageText" -> editMessageText(r);
            case "editMessageReplyMarkup" -> editMessageReplyMarkup(r);
            case "answerCallbackQuery" -> answerCallbackQuery(r);
            case "setMyCommands" -> setMyCommands(r);
            case "sendPhoto" -> sendPhoto(r);
            case "deleteMessage" -> deleteMessage(r);
            case "getChatMember" -> chatMember(r);
            case "getChat" -> chat(r);
            default -> throw new FakeApiError(404, "Not Found", null, null);
        };
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
        int thread = r.intOr("message_thread_id", 0);
        if (thread != 0 && !state.locked(() -> state.forumTopics.contains(new FakeState.Key(chatId, thread)))) {
            throw FakeApiError.badRequest("message thread not found");
        }
        takeRateToken(chatId);
        return state.locked(() -> {
            FakeMessage message = new FakeMessage(chatId, state.nextMessageId(chatId), text, plain, parseMode,
                    r.bool("disable_notification"), previewDisabled(r), markup.json(), markup.keyboard(),
                    nanoClock.getAsLong(), 0);
            state.sent.add(message);
            state.current.put(new FakeState.Key(chatId, message.messageId()), message);
            if (thread != 0) {
                state.threads.put(new FakeState.Key(chatId, message.messageId()), thread);
            }
            state.changed.signalAll();
            return json.botMessage(message, state.chatType(chatId));
        });
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
                throw FakeApiError.badRequest("message to edit not found");
            }
            FakeMessage updated = change.apply(old);
            state.current.put(key, updated);
            state.changed.signalAll();
            return json.botMessage(updated, state.chatType(chatId));
        });
    }

    private JsonNode answerCallbackQuery(FakeRequest r) {
        String id = r.string("callback_query_id");
        String text = r.string("text");
        if (text != null && text.length() > 200) {
            throw FakeApiError.badRequest("message is too long");
        }
        FakeCallbackAnswer answer = new FakeCallbackAnswer(id, text, r.bool("show_alert"), nanoClock.getAsLong());
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
        long chatId = r.chatId();
        String photo = r.string("photo");
        FakeRequest.FilePart file = photo != null && photo.startsWith("attach://")
                ? r.file(photo.substring("attach://".length())) : r.file("photo");
        if (file == null && (photo == null || photo.startsWith("attach://"))) {
            throw FakeApiError.badRequest("there is no photo in the request");
        }
        String caption = r.string("caption");
        String parseMode = r.string("parse_mode");
        state.locked(() -> {
            state.checkWritable(chatId);
            return null;
        });
        String plainCaption = caption == null || caption.isEmpty() ? "" : visibleText(caption, parseMode,
                FakeLimits.MAX_CAPTION, "message caption is too long", null);
        takeRateToken(chatId);
        return state.locked(() -> {
            int messageId = state.nextMessageId(chatId);
            byte[] bytes = file == null ? new byte[0] : file.bytes();
            String fileName = file == null ? photo : file.fileName();
            state.photos.add(new FakePhoto(chatId, messageId, bytes, fileName, caption, parseMode,
                    nanoClock.getAsLong()));
            state.otherMessages.add(new FakeState.Key(chatId, messageId));
            state.changed.signalAll();
            ObjectNode message = json.messageHeader(chatId, messageId, state.chatType(chatId));
            ArrayNode sizes = message.putArray("photo");
            sizes.addObject().put("file_id", "photo-" + chatId + "-" + messageId)
                    .put("file_unique_id", "u" + chatId + "_" + messageId)
                    .put("width", 800).put("height", 600).put("file_size", bytes.length);
            if (!plainCaption.isEmpty()) {
                message.put("caption", plainCaption);
            }
            return message;
        });
    }

    private JsonNode deleteMessage(FakeRequest r) {
        long chatId = r.chatId();
        int messageId = (int) r.requiredLong("message_id");
        return state.locked(() -> {
            state.checkWritable(chatId);
            FakeState.Key key = new FakeState.Key(chatId, messageId);
            boolean existed = state.current.remove(key) != null | state.otherMessages.remove(key)
                    | state.userMessages.remove(key) != null;
            if (!existed) {
                throw FakeApiError.badRequest("message to delete not found");
            }
            state.deleted.add(key);
            state.changed.signalAll();
            return BooleanNode.TRUE;
        });
    }

    private void takeRateToken(long chatId) {
        OptionalInt retryAfter = limiter.tryAcquire(chatId);
        if (retryAfter.isPresent()) {
            throw FakeApiError.tooManyRequests(retryAfter.getAsInt());
        }
    }

    /** The text a reader would see, or the 400 Telegram gives for it. */
    private static String visibleText(String text, String parseMode, int max, String tooLong, String empty) {
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

// The shared wire of src/protocol: what the server writes, the client reads back unchanged, and
// what the client sends, the server reads with the refusals PROTOCOL.md names.
#include "protocol/account_requests.h"
#include "protocol/fields.h"
#include "protocol/interaction.h"
#include "protocol/task.h"
#include "protocol/text.h"
#include "protocol/uuid.h"

#include <catch2/catch.hpp>

using namespace orchard::protocol;

namespace {

ConversationMessage message(const std::string& id, const std::string& text, bool assistant) {
    ConversationMessage m;
    m.id = id;
    m.user_id = "user-" + id;
    m.frontend_message_id = "front-" + id;
    m.text = text;
    m.lang = "en";
    m.is_assistant = assistant;
    m.emojis = {{"+1", 2}, {"red_flag", 1}};
    m.user_emojis = {"+1"};
    return m;
}

template <typename T> const T& parsed(const Parsed<T>& result) {
    REQUIRE(std::holds_alternative<T>(result));
    return std::get<T>(result);
}

FieldProblem problem_of(const Parsed<Interaction>& result) {
    REQUIRE(std::holds_alternative<FieldProblem>(result));
    return std::get<FieldProblem>(result);
}

} // namespace

TEST_CASE("wire: every task type written with to_json reads back the same") {
    for (const TaskType type : kAllTaskTypes) {
        Task task;
        task.id = "task-1";
        task.type = type;
        if (type != TaskType::InitialPrompt)
            task.conversation = {message("a", "Hello?", false), message("b", "Привет", true)};
        if (is_ranking(type)) {
            task.reply_messages = {message("c", "one", true), message("d", "two", true)};
            task.message_tree_id = "tree-1";
            task.ranking_parent_id = "b";
            task.reveal_synthetic = true;
        }
        if (is_labeling(type)) {
            task.message_id = "b";
            task.valid_labels = {"spam", "quality"};
            task.mandatory_labels = {"spam"};
            task.full_mode = true;
            task.labels = {{"spam", LabelWidget::YesNo, "Spam?", "Junk."},
                           {"quality", LabelWidget::Likert, "Quality", ""}};
        }
        const nlohmann::json written = to_json(task);
        const auto read = parse_task(written.dump());
        REQUIRE(read);
        CHECK(to_json(*read) == written);
        CHECK(written["type"] == to_string(type));
    }
}

TEST_CASE("wire: a task carries Open-Assistant's derived fields") {
    Task ranking;
    ranking.id = "t";
    ranking.type = TaskType::RankAssistantReplies;
    ranking.conversation = {message("a", "Q", false)};
    ranking.reply_messages = {message("c", "one", true), message("d", "two", true)};
    const auto json = to_json(ranking);
    CHECK(json["replies"] == nlohmann::json({"one", "two"}));

    Task label;
    label.id = "t";
    label.type = TaskType::LabelInitialPrompt;
    label.conversation = {message("a", "The prompt", false)};
    label.message_id = "a";
    label.labels = {{"spam", LabelWidget::YesNo, "Spam?", ""}};
    const auto labeled = to_json(label);
    CHECK(labeled["prompt"] == "The prompt");
    CHECK(labeled["disposition"] == "quality");
    CHECK(labeled["mode"] == "simple");
    CHECK(labeled["labels"][0]["widget"] == "yes_no");

    Task prompt;
    prompt.id = "t";
    prompt.type = TaskType::InitialPrompt;
    const auto initial = to_json(prompt);
    CHECK(initial.contains("hint"));
    CHECK_FALSE(initial.contains("conversation"));
}

TEST_CASE("wire: every interaction the client sends, the server reads back the same") {
    const Interaction sent[] = {
        TextReply{"ack-1", "reply-1", "Hello, world", "de"},
        MessageRanking{"ack-2", {1, 0, 2}, false},
        TextLabels{"task-3", "message-3", {{"spam", 0.0}, {"quality", 0.75}}, "fine", true},
        MessageRating{"message-4", 4.5},
    };
    for (const auto& interaction : sent) {
        const auto json = to_json(interaction);
        const auto result = parse_interaction(json);
        const auto& read = parsed(result);
        CHECK(to_json(read) == json);
        CHECK(read.index() == interaction.index());
    }
}

TEST_CASE("wire: a wrong type in an interaction is refused naming the field") {
    auto reply = to_json(TextReply{"ack", "reply", "text", ""});
    reply["text"] = 42;
    const auto wrong_text = problem_of(parse_interaction(reply));
    CHECK(wrong_text.code == ErrorCode::Generic);
    CHECK(wrong_text.message == "text must be a string, not a number.");

    auto ranking = to_json(MessageRanking{"ack", {0, 1}, false});
    ranking["ranking"] = nlohmann::json::array({0, "one"});
    CHECK(problem_of(parse_interaction(ranking)).message ==
          "ranking must be an array of whole numbers.");

    auto labels = to_json(TextLabels{"task", "message", {{"spam", 1.0}}, "", false});
    labels["labels"]["spam"] = "yes";
    const auto wrong_label = problem_of(parse_interaction(labels));
    CHECK(wrong_label.code == ErrorCode::InvalidLabel);
    CHECK(wrong_label.message == "Label 'spam' must be a number.");
    labels.erase("labels");
    CHECK(problem_of(parse_interaction(labels)).code == ErrorCode::InvalidLabel);

    auto rating = to_json(MessageRating{"message", 1});
    rating["rating"] = "high";
    CHECK(problem_of(parse_interaction(rating)).code == ErrorCode::InvalidRankingValue);

    CHECK(problem_of(parse_interaction({{"type", "dance"}})).code == ErrorCode::InvalidRequestType);
    CHECK(problem_of(parse_interaction(nlohmann::json::array())).code ==
          ErrorCode::InvalidRequestType);
    // Null stands for a field left out (Open-Assistant clients send it).
    auto with_null = to_json(TextReply{"ack", "reply", "text", ""});
    with_null["lang"] = nullptr;
    const auto result = parse_interaction(with_null);
    CHECK(std::get<TextReply>(parsed(result)).lang.empty());
}

TEST_CASE("wire: a field reader keeps the first problem and then reads fallbacks") {
    const nlohmann::json body = {{"a", 1}, {"b", "text"}, {"n", 3.0}, {"big", 1e300}};
    const Fields fields(body);
    CHECK(fields.int_or("n", 0, 0, 10) == 3);
    CHECK(fields.int_or("big", 7, 0, 10) == 7);
    REQUIRE(fields.problem());
    CHECK(fields.problem()->message == "big must be a whole number from 0 to 10.");
    CHECK(fields.string_or("b", "fallback") == "fallback"); // after a problem, fallbacks
    CHECK(fields.problem()->message == "big must be a whole number from 0 to 10.");

    const nlohmann::json null_user = nullptr;
    const Fields not_object(null_user, "user");
    REQUIRE(not_object.problem());
    CHECK(not_object.problem()->message == "user must be a JSON object, not null.");
    const nlohmann::json user = {{"id", 5}};
    const Fields nested(user, "user");
    nested.string_or("id");
    CHECK(nested.problem()->message == "user.id must be a string, not a number.");
}

TEST_CASE("text: counting, trimming and cutting as people read text") {
    CHECK(character_count("Иван") == 4);
    CHECK(character_count("a😀b") == 3);
    CHECK(trim("  \t hello world \r\n") == "hello world");
    CHECK(trim(" \n ").empty());
    CHECK_FALSE(has_content(" \t\n"));
    CHECK(has_content(" x "));
    CHECK(shorten("Привет", 10) == "Привет");
    CHECK(shorten("Привет", 4) == "При…");
    CHECK(character_count(shorten("Привет мир", 5)) == 5);
    CHECK(excerpt("short", 10) == "short");
    CHECK(excerpt("Иван", 3) == "И…"); // 3 bytes would split the second letter
}

TEST_CASE("uuid: version 4 text with its version and variant bits") {
    std::array<unsigned char, 16> bytes;
    bytes.fill(0xFF);
    const std::string id = uuid_v4(bytes);
    CHECK(id == "ffffffff-ffff-4fff-bfff-ffffffffffff");
    bytes.fill(0);
    CHECK(uuid_v4(bytes) == "00000000-0000-4000-8000-000000000000");
}

TEST_CASE("wire: account and task requests the client sends, the server reads back the same") {
    const Registration registration{"ada", "Ada L.", "correct horse"};
    auto read_registration = parse_registration(to_json(registration));
    REQUIRE(std::holds_alternative<Registration>(read_registration));
    CHECK(to_json(std::get<Registration>(read_registration)) == to_json(registration));

    const Credentials credentials{"ada", "secret"};
    auto read_credentials = parse_credentials(to_json(credentials));
    REQUIRE(std::holds_alternative<Credentials>(read_credentials));
    CHECK(std::get<Credentials>(read_credentials).password == "secret");

    AccountChanges changes;
    changes.show_on_leaderboard = false;
    changes.new_password = "new one";
    changes.current_password = "old one";
    auto read_changes = parse_account_changes(to_json(changes));
    REQUIRE(std::holds_alternative<AccountChanges>(read_changes));
    const auto& back = std::get<AccountChanges>(read_changes);
    CHECK_FALSE(back.display_name);
    CHECK(back.show_on_leaderboard == std::optional(false));
    CHECK(back.new_password == std::optional<std::string>("new one"));
    CHECK(back.current_password == std::optional<std::string>("old one"));

    const TaskRequest asked{"rank_assistant_replies", "de", true};
    auto read_request = parse_task_request(to_json(asked));
    REQUIRE(std::holds_alternative<TaskRequest>(read_request));
    CHECK(to_json(std::get<TaskRequest>(read_request)) == to_json(asked));
    const auto defaults = parse_task_request(nlohmann::json::object());
    CHECK(std::get<TaskRequest>(defaults).type == "random");

    const nlohmann::json wrong = {{"username", "ada"}, {"password", 12345678}};
    auto refused = parse_credentials(wrong);
    REQUIRE(std::holds_alternative<FieldProblem>(refused));
    CHECK(std::get<FieldProblem>(refused).message == "password must be a string, not a number.");
}

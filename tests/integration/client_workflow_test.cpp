// The browser client's contributor workflow (src/client: the state machine, API client, drafts)
// run natively against the real server with its sample data: register, accept the terms, do one
// task of every type, and check in the server's database that exactly what was entered is stored.
#include "client/app.h"
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/httplib_transport.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace orchard::client;
using orchard::protocol::TaskType;
using orchard::test::HttplibTransport;
using orchard::test::query_text;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

long long query_count(const std::filesystem::path& dir, const std::string& sql) {
    const std::string text = query_text(dir, sql);
    return text.empty() ? 0 : std::stoll(text);
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

struct Visit {
    TempDir dir;
    std::unique_ptr<TestServer> server =
        std::make_unique<TestServer>(dir.path(), std::vector<std::string>{"--demo", "--quiet"});
    MemoryStore browser_storage; // survives "reloads": a new App over the same storage
    std::unique_ptr<HttplibTransport> transport =
        std::make_unique<HttplibTransport>(server->base_url());
    std::unique_ptr<ApiClient> api = std::make_unique<ApiClient>(*transport);
    std::unique_ptr<App> app = std::make_unique<App>(*api, browser_storage, AppOptions{.seed = 7});

    std::uint64_t reloads = 0;

    // A new page over the same browser storage; each page draws its own random ids.
    void reload() {
        api = std::make_unique<ApiClient>(*transport);
        app = std::make_unique<App>(*api, browser_storage, AppOptions{.seed = 100 + ++reloads});
        app->start(0);
    }

    void register_and_accept(const std::string& username) {
        app->start(0);
        REQUIRE(app->state().screen == Screen::SignIn);
        app->register_account(username, "Test " + username, "a long enough password", 0);
        REQUIRE(app->state().sign_in.problem.empty());
        REQUIRE(app->state().screen == Screen::Terms);
        app->accept_terms(0);
        REQUIRE(app->state().screen == Screen::Dashboard);
    }

    const TaskState& open(TaskType type) {
        app->open_task(orchard::protocol::to_string(type), 1);
        const auto& task = app->state().task;
        INFO(task.problem);
        REQUIRE(task.phase == TaskPhase::Working);
        REQUIRE(task.task);
        REQUIRE(task.task->type == type);
        return task;
    }

    std::string user_id() const { return app->state().account->id; }
};

} // namespace

TEST_CASE("client workflow: a newcomer registers, accepts the terms and sees live counts") {
    Visit v;
    v.register_and_accept("newcomer");
    const auto& dashboard = v.app->state().dashboard;
    REQUIRE(dashboard.loaded);
    for (auto type : orchard::protocol::kAllTaskTypes) {
        INFO(orchard::protocol::to_string(type));
        CHECK(dashboard.counts.at(orchard::protocol::to_string(type)) > 0);
    }
    // The session survives a reload.
    v.reload();
    CHECK(v.app->state().screen == Screen::Dashboard);
    CHECK(v.app->state().account->display_name == "Test newcomer");
}

TEST_CASE("client workflow: one task of every type is stored exactly as entered") {
    Visit v;
    v.register_and_accept("writer");
    const auto dir = v.dir.path();

    SECTION("writing: prompt, assistant reply, prompter reply") {
        for (auto type :
             {TaskType::InitialPrompt, TaskType::AssistantReply, TaskType::PrompterReply}) {
            const auto& task = v.open(type);
            const std::string text = std::string("Ünïcode and \"quotes\" — written for ") +
                                     orchard::protocol::to_string(type) +
                                     "\n\n* a list item\n* another";
            v.app->edit_text(text);
            REQUIRE(v.app->submit(2));
            INFO(v.app->state().task.problem);
            CHECK(v.app->state().task.completed == (type == TaskType::InitialPrompt    ? 1
                                                    : type == TaskType::AssistantReply ? 2
                                                                                       : 3));
            const std::string role = type == TaskType::AssistantReply ? "assistant" : "prompter";
            CHECK(query_count(dir, "SELECT count(*) FROM messages WHERE text = " + quoted(text) +
                                       " AND user_id = " + quoted(v.user_id()) +
                                       " AND role = " + quoted(role)) == 1);
            (void)task;
        }
    }

    SECTION("labeling, with every mandatory label answered") {
        for (auto type : {TaskType::LabelInitialPrompt, TaskType::LabelAssistantReply,
                          TaskType::LabelPrompterReply}) {
            const auto& task = v.open(type);
            const std::string task_id = task.task->id;
            CHECK_FALSE(v.app->submit_blockers().empty()); // spam is mandatory and unanswered
            CHECK_FALSE(v.app->submit(2));
            for (const auto& label : task.task->labels) {
                if (label.widget == orchard::protocol::LabelWidget::YesNo)
                    v.app->set_label(label.name, 0.0);
                else if (label.widget == orchard::protocol::LabelWidget::Likert)
                    v.app->set_label(label.name, 0.75);
                else if (label.name == "lang_mismatch")
                    v.app->toggle_flag(label.name);
            }
            const auto expected = v.app->state().task.answers.submission();
            REQUIRE(v.app->submit(2));
            const auto stored = nlohmann::json::parse(query_text(
                dir, "SELECT labels FROM text_labels WHERE task_id = " + quoted(task_id)));
            CHECK(stored == nlohmann::json(expected));
            CHECK(stored["lang_mismatch"] == 1.0);
        }
    }

    SECTION("ranking, changed by moving replies") {
        for (auto type : {TaskType::RankAssistantReplies, TaskType::RankPrompterReplies}) {
            const auto& task = v.open(type);
            const std::string task_id = task.task->id;
            const auto replies = task.task->reply_messages;
            REQUIRE(replies.size() >= 2);
            // Unchanged order: asked to confirm first.
            CHECK_FALSE(v.app->submit(2));
            CHECK(v.app->state().task.confirm_unchanged_ranking);
            v.app->cancel_confirmation();
            v.app->move_reply(replies.size() - 1, 0);
            const auto order = v.app->state().task.ranking.order();
            REQUIRE(v.app->submit(2));
            nlohmann::json expected = nlohmann::json::array();
            for (int index : order)
                expected.push_back(replies[static_cast<std::size_t>(index)].id);
            CHECK(nlohmann::json::parse(query_text(
                      dir, "SELECT ranking FROM rankings WHERE task_id = " + quoted(task_id))) ==
                  expected);
        }
    }
}

TEST_CASE("client workflow: a reload in the middle of writing restores the draft and the task") {
    Visit v;
    v.register_and_accept("reloader");
    const auto& task = v.open(TaskType::AssistantReply);
    const std::string task_id = task.task->id;
    v.app->edit_text("Half a reply, then the tab crashed");

    v.reload();
    const auto& restored = v.app->state().task;
    REQUIRE(v.app->state().screen == Screen::Task);
    CHECK(restored.task->id == task_id);
    CHECK(restored.draft.text == "Half a reply, then the tab crashed");
    CHECK(restored.phase == TaskPhase::Working);
    v.app->edit_text("Half a reply, then the tab crashed. Finished after the reload.");
    REQUIRE(v.app->submit(2));
    CHECK(query_count(v.dir.path(), "SELECT count(*) FROM messages WHERE text = "
                                    "'Half a reply, then the tab crashed. Finished after the "
                                    "reload.'") == 1);
    // Confirmed: the next task is what a reload brings back now.
    REQUIRE(v.app->state().task.task);
    v.reload();
    REQUIRE(v.app->state().task.task);
    CHECK(v.app->state().task.task->id != task_id);
    CHECK(v.app->state().task.draft.text.empty());
}

TEST_CASE("client workflow: the server stopped during a submission loses and duplicates nothing") {
    Visit v;
    v.register_and_accept("patient");
    const int port = v.server->port();
    const auto& task = v.open(TaskType::InitialPrompt);
    (void)task;
    const std::string text = "Written while the server was restarting";
    v.app->edit_text(text);

    v.server->stop();
    REQUIRE(v.app->submit(10));
    const std::string draft_key = "orchard.draft." + v.user_id();
    const auto unconfirmed = v.browser_storage.get(draft_key);
    REQUIRE(unconfirmed);
    CHECK(v.app->state().task.phase == TaskPhase::Submitting);
    CHECK(v.app->state().connection == Connection::Unreachable);
    REQUIRE(v.app->next_wakeup());

    // The person even reloads the page while the server is away: the submission is remembered.
    v.reload();
    CHECK(v.app->state().screen == Screen::Loading);

    v.server = std::make_unique<TestServer>(
        v.dir.path(), std::vector<std::string>{"--port", std::to_string(port), "--quiet"});
    v.app->retry_now(20);
    INFO(v.app->state().task.problem);
    CHECK(v.app->state().connection == Connection::Connected);
    CHECK(v.app->state().screen == Screen::Task);
    CHECK(v.app->state().task.completed == 1);
    CHECK(query_count(v.dir.path(), "SELECT count(*) FROM messages WHERE text = " + quoted(text)) ==
          1);

    // The answer to a submission can be lost after the server committed it; the client then
    // sends the very same interaction again, and the server stores nothing new.
    v.browser_storage.set(draft_key, *unconfirmed);
    v.reload();
    CHECK(v.app->state().screen == Screen::Task);
    INFO(v.app->state().task.problem);
    CHECK(v.app->state().task.problem.empty());
    CHECK(v.app->state().task.completed == 1);
    CHECK(query_count(v.dir.path(), "SELECT count(*) FROM messages WHERE text = " + quoted(text)) ==
          1);
}

TEST_CASE("client workflow: skipping asks first only when something was typed") {
    Visit v;
    v.register_and_accept("skipper");
    const auto& task = v.open(TaskType::AssistantReply);
    const std::string first = task.task->id;
    v.app->skip(2);
    CHECK_FALSE(v.app->state().task.confirm_skip);
    REQUIRE(v.app->state().task.task);
    CHECK(v.app->state().task.task->id != first);
    CHECK(query_count(v.dir.path(), "SELECT count(*) FROM tasks WHERE id = " + quoted(first) +
                                        " AND skipped = 1") == 1);

    const std::string second = v.app->state().task.task->id;
    v.app->edit_text("Some words I would lose");
    v.app->skip(3);
    CHECK(v.app->state().task.confirm_skip);
    CHECK(v.app->state().task.task->id == second);
    v.app->cancel_confirmation();
    CHECK(v.app->state().task.draft.text == "Some words I would lose");
    v.app->skip(3);
    v.app->confirm_skip(3);
    REQUIRE(v.app->state().task.task);
    CHECK(v.app->state().task.task->id != second);
    CHECK(v.app->state().task.draft.text.empty());
}

TEST_CASE("client workflow: errors become sentences and refused work stays on screen") {
    Visit v;
    v.register_and_accept("careful");
    v.open(TaskType::InitialPrompt);
    v.app->edit_text(std::string(2001, 'x'));
    CHECK_FALSE(v.app->submit(2));
    CHECK(v.app->state().task.problem.find("Shorten the text by 1 characters") !=
          std::string::npos);
    v.app->edit_text("   \n ");
    CHECK_FALSE(v.app->submit(2));
    CHECK(v.app->state().task.problem == "Write something first.");

    // A session that ended on the server sends the person to sign in, keeping the draft.
    v.app->edit_text("Text that must survive the session ending");
    v.browser_storage.set("orchard.session", "forged-token");
    v.reload();
    CHECK(v.app->state().screen == Screen::SignIn);
    CHECK_FALSE(v.app->state().sign_in.problem.empty());
    v.app->login("careful", "a long enough password", 0);
    REQUIRE(v.app->state().screen == Screen::Task);
    CHECK(v.app->state().task.draft.text == "Text that must survive the session ending");
}

TEST_CASE("client workflow: a guest starts with a display name only") {
    Visit v;
    v.app->start(0);
    v.app->continue_as_guest("Kiosk visitor", 0);
    REQUIRE(v.app->state().screen == Screen::Terms);
    CHECK(v.app->state().account->guest);
    v.app->accept_terms(0);
    CHECK(v.app->state().screen == Screen::Dashboard);
    const std::string guest_id = v.user_id();

    // The guest keeps the account by choosing a username and password; a taken name is a
    // sentence, and then it signs in with them as the same person.
    v.app->claim_account("x", "short");
    CHECK_FALSE(v.app->state().dashboard.claim_problem.empty());
    CHECK(v.app->state().account->guest);
    v.app->claim_account("kiosk_visitor", "a long enough password");
    CHECK(v.app->state().dashboard.claim_problem.empty());
    CHECK_FALSE(v.app->state().account->guest);
    v.app->sign_out();
    CHECK(v.app->state().screen == Screen::SignIn);
    CHECK_FALSE(v.browser_storage.get("orchard.session"));
    v.app->login("kiosk_visitor", "a long enough password", 0);
    REQUIRE(v.app->state().account);
    CHECK(v.app->state().account->id == guest_id);
}

TEST_CASE("client workflow: signing out forgets what was typed into the forms") {
    Visit v;
    v.app->start(0);
    v.app->forms().sign_in.display_name = "Shared kiosk";
    v.app->continue_as_guest(v.app->forms().sign_in.display_name, 0);
    v.app->accept_terms(0);
    REQUIRE(v.app->state().screen == Screen::Dashboard);
    // Half-typed, as the views keep it: a password for keeping the guest account (the
    // dashboard's card), a new one in the settings, a report's details.
    auto& forms = v.app->forms();
    forms.claim = {"kiosk_someone", "half a secret password"};
    forms.settings.new_password = "another secret";
    forms.report.details = "about that reply";
    const unsigned sessions = v.app->state().sessions_ended;
    v.app->sign_out();
    REQUIRE(v.app->state().screen == Screen::SignIn);
    CHECK(v.app->state().sessions_ended == sessions + 1); // the views drop their state too
    CHECK(forms.claim.username.empty());
    CHECK(forms.claim.password.empty());
    CHECK(forms.settings.new_password.empty());
    CHECK(forms.report.details.empty());
    CHECK(forms.sign_in.display_name.empty());
}

TEST_CASE("client workflow: a wrong password is a sentence, not a screen change") {
    Visit v;
    v.register_and_accept("forgetful");
    v.app->sign_out();
    v.app->login("forgetful", "not the password", 0);
    CHECK(v.app->state().screen == Screen::SignIn);
    CHECK(v.app->state().sign_in.problem.starts_with("That username and password do not match"));
    CHECK_FALSE(v.app->state().sign_in.busy);
}

TEST_CASE("client workflow: leaving an untouched task gives it back, leaving typed text keeps it") {
    Visit v;
    v.register_and_accept("walker");
    // Back and forth more often than the 8-open-tasks limit allows for tasks never given back.
    // ("random": reply tasks have tight rate limits of their own.)
    for (int i = 0; i < 10; ++i) {
        v.app->open_task("random", 1);
        const auto& task = v.app->state().task;
        INFO(task.problem);
        REQUIRE(task.phase == TaskPhase::Working);
        const std::string id = task.task->id;
        v.app->back_to_dashboard(3);
        CHECK(v.app->state().screen == Screen::Dashboard);
        CHECK(query_count(v.dir.path(), "SELECT skipped FROM tasks WHERE id = " + quoted(id)) == 1);
    }
    const auto& task = v.open(TaskType::AssistantReply);
    const std::string id = task.task->id;
    v.app->edit_text("Worth keeping");
    v.app->back_to_dashboard(3);
    CHECK(query_count(v.dir.path(), "SELECT skipped FROM tasks WHERE id = " + quoted(id)) == 0);
    v.reload();
    REQUIRE(v.app->state().screen == Screen::Task);
    CHECK(v.app->state().task.draft.text == "Worth keeping");
}

TEST_CASE("client workflow: work left by a tab comes back on return, and only Discard forgets it") {
    Visit v;
    v.register_and_accept("returner");
    const auto& task = v.open(TaskType::AssistantReply);
    const std::string id = task.task->id;
    v.app->edit_text("Half an answer");
    v.app->show_screen(Screen::Leaderboard, 3); // a tab in the top bar
    REQUIRE(v.app->state().unsent);
    CHECK(v.app->state().unsent->type == TaskType::AssistantReply);
    CHECK(v.app->state().unsent->preview == "Half an answer");
    v.app->back_to_dashboard(4);
    REQUIRE(v.app->state().unsent); // the dashboard offers it

    // Starting another kind brings the unsent work back instead of overwriting it.
    v.app->open_task("label_initial_prompt", 5);
    REQUIRE(v.app->state().screen == Screen::Task);
    REQUIRE(v.app->state().task.task);
    CHECK(v.app->state().task.task->id == id);
    CHECK(v.app->state().task.draft.text == "Half an answer");
    CHECK_FALSE(v.app->state().unsent);

    v.app->edit_text("Half an answer, and more");
    v.app->back_to_dashboard(6);
    v.app->resume_unsent(7);
    CHECK(v.app->state().task.draft.text == "Half an answer, and more");
    v.app->back_to_dashboard(8);
    v.app->discard_unsent();
    CHECK_FALSE(v.app->state().unsent);
    CHECK(query_count(v.dir.path(), "SELECT skipped FROM tasks WHERE id = " + quoted(id)) == 1);
    v.reload();
    CHECK(v.app->state().screen == Screen::Dashboard);
}

TEST_CASE("client workflow: skipping a task with label answers asks first") {
    Visit v;
    v.register_and_accept("labeler");
    const auto& task = v.open(TaskType::LabelInitialPrompt);
    const std::string id = task.task->id;
    const std::string label = task.task->valid_labels.front();
    v.app->set_label(label, 1);
    v.app->skip(2);
    CHECK(v.app->state().task.confirm_skip);
    CHECK(v.app->state().task.task->id == id);
    v.app->back_to_dashboard(3);
    REQUIRE(v.app->state().unsent);
    CHECK(v.app->state().unsent->preview.empty());
}

TEST_CASE("client workflow: the reply length limit is the server's configuration") {
    Visit v;
    orchard::test::Frontend admin(v.server->base_url(),
                                  orchard::test::create_api_key(v.dir.path(), true));
    REQUIRE(admin.put("/api/v1/admin/config", {{"message_size_limit", 8000}}).status == 200);
    v.register_and_accept("essayist");
    CHECK(v.app->state().max_reply_characters == 8000);
    v.open(TaskType::AssistantReply);
    const std::string long_answer(5000, 'a');
    v.app->edit_text(long_answer);
    CHECK(v.app->submit_blockers().empty());
    v.app->edit_text(std::string(8001, 'a'));
    const auto blockers = v.app->submit_blockers();
    REQUIRE(blockers.size() == 1);
    CHECK(blockers.front() == "Shorten the text by 1 characters (the limit is 8,000).");
}

TEST_CASE(
    "client workflow: a screen that failed during an outage loads again when the server is back") {
    Visit v;
    v.register_and_accept("outage");
    const int port = v.server->port();
    v.server->stop();
    v.app->show_screen(Screen::Profile, 10);
    CHECK(v.app->state().connection == Connection::Unreachable);
    CHECK_FALSE(v.app->state().profile.problem.empty());
    CHECK(v.app->state().profile.activity.empty());

    v.server = std::make_unique<TestServer>(
        v.dir.path(), std::vector<std::string>{"--port", std::to_string(port), "--quiet"});
    v.app->retry_now(20);
    CHECK(v.app->state().connection == Connection::Connected);
    CHECK(v.app->state().screen == Screen::Profile);
    INFO(v.app->state().profile.problem);
    CHECK(v.app->state().profile.problem.empty());
    CHECK(v.app->state().profile.loaded);
    CHECK(v.app->state().profile.activity.size() == kActivityDays);
}

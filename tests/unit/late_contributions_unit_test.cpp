// Contributions that arrive after their tree moved on (docs/late-contributions.md), run on the
// task service and tree manager directly over a real SQLite database (no HTTP).
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/request_fields.h"
#include "server/domain/task_service.h"
#include "server/domain/tree_manager.h"
#include "server/store/database.h"
#include "tests/support/tree_world.h"

#include <catch2/catch.hpp>

using namespace orchard;
using domain::Arrival;
using domain::arrival_of;
namespace state = domain::tree_state;

namespace {

struct World : test::TreeWorld {
    int frontend_ids = 0;

    World() : TreeWorld(7) {
        config.goal_tree_size = 3; // the prompt and two replies
        config.max_tree_depth = 1;
        config.num_required_rankings = 2;
    }
    // Each task call a step later, so that the order of events shows in their times.
    domain::TaskService tasks() { return domain::TaskService(store, config, rng, ++now); }

    // The interaction a frontend would send, read as the server reads a request body.
    nlohmann::json answer(const std::string& user, const nlohmann::json& body) {
        return tasks().interaction(caller(user),
                                   domain::accepted(protocol::parse_interaction(body)));
    }
    // Requests and acknowledges a task; returns it with its frontend id in "fe".
    nlohmann::json hold(const std::string& user, const std::string& type) {
        auto task = tasks().request_task(caller(user), type, "en", false);
        task["fe"] = "fe" + std::to_string(++frontend_ids);
        tasks().ack(caller(user), task["id"], task["fe"]);
        return task;
    }
    nlohmann::json reply(const std::string& user, const nlohmann::json& task) {
        return answer(user, {{"type", "text_reply_to_message"},
                             {"message_id", task["fe"]},
                             {"user_message_id", "m" + task["fe"].get<std::string>()},
                             {"text", "A reply by " + user}});
    }
    nlohmann::json label(const std::string& user, const nlohmann::json& task, double spam = 0) {
        nlohmann::json values = nlohmann::json::object();
        for (const auto& name : task["valid_labels"])
            values[name.get<std::string>()] = 0;
        values["spam"] = spam;
        return answer(user, {{"type", "text_labels"},
                             {"task_id", task["id"]},
                             {"message_id", task["message_id"]},
                             {"labels", values}});
    }
    nlohmann::json rank(const std::string& user, const nlohmann::json& task) {
        nlohmann::json order = nlohmann::json::array();
        for (size_t i = 0; i < task["replies"].size(); ++i)
            order.push_back(i);
        return answer(
            user, {{"type", "message_ranking"}, {"message_id", task["fe"]}, {"ranking", order}});
    }
    void done(const std::string& user, const std::string& type) {
        const auto task = hold(user, type);
        if (type.starts_with("label_"))
            label(user, task);
        else if (type.starts_with("rank_"))
            rank(user, task);
        else
            reply(user, task);
    }
    std::string tree_state(const std::string& tree_id) { return store.find_tree(tree_id)->state; }

    // A prompt by ada, accepted: the tree grows. Returns its id.
    std::string growing_tree() {
        done("ada", "initial_prompt");
        const auto review = hold("r1", "label_initial_prompt");
        const std::string root = review["message_id"];
        label("r1", review);
        done("r2", "label_initial_prompt");
        done("r3", "label_initial_prompt");
        REQUIRE(tree_state(root) == state::kGrowing);
        return root;
    }
    // Two accepted replies by bob and cy: the tree moves to ranking.
    void grow_to_ranking(const std::string& root) {
        done("bob", "assistant_reply");
        done("cy", "assistant_reply");
        for (const char* reviewer : {"r1", "r1", "r2", "r2", "r3", "r3"})
            done(reviewer, "label_assistant_reply");
        REQUIRE(tree_state(root) == state::kRanking);
    }
};

} // namespace

TEST_CASE("late: what arrives after its tree moved on is kept, stopped trees refuse it") {
    CHECK(arrival_of("assistant_reply", state::kGrowing) == Arrival::OnTime);
    CHECK(arrival_of("prompter_reply", state::kRanking) == Arrival::Late);
    for (const char* later : {state::kRanking, state::kReadyForScoring, state::kReadyForExport,
                              state::kScoringFailed, state::kBacklogRanking})
        CHECK(arrival_of("assistant_reply", later) == Arrival::Late);
    CHECK(arrival_of("rank_assistant_replies", state::kRanking) == Arrival::OnTime);
    CHECK(arrival_of("rank_prompter_replies", state::kReadyForExport) == Arrival::Late);
    CHECK(arrival_of("label_initial_prompt", state::kInitialPromptReview) == Arrival::OnTime);
    CHECK(arrival_of("label_initial_prompt", state::kPromptLotteryWaiting) == Arrival::Late);
    CHECK(arrival_of("label_initial_prompt", state::kGrowing) == Arrival::Late);
    CHECK(arrival_of("label_assistant_reply", state::kGrowing) == Arrival::OnTime);
    CHECK(arrival_of("label_prompter_reply", state::kRanking) == Arrival::Late);
    for (const char* type : {"assistant_reply", "rank_assistant_replies", "label_initial_prompt",
                             "label_assistant_reply"}) {
        CHECK(arrival_of(type, state::kAbortedLowGrade) == Arrival::Refused);
        CHECK(arrival_of(type, state::kHaltedByModerator) == Arrival::Refused);
    }
}

TEST_CASE("late: a late reply is never reviewed or ranked, and the ranking round goes on") {
    World w;
    const std::string root = w.growing_tree();
    const auto held = w.hold("zed", "assistant_reply");
    w.config.recent_tasks_span_sec = 0; // let others answer the prompt zed holds
    w.now += 1000;
    w.grow_to_ranking(root);

    const std::string late_id = w.reply("zed", held)["id"];
    const auto late = *w.store.find_message(late_id);
    CHECK(late.arrived_after_growing);
    CHECK_FALSE(late.review_result);
    CHECK(w.store.find_message(root)->children_count == 3);
    CHECK(w.tree_state(root) == state::kRanking);
    // Nobody is offered it for review; the rankings are of the two on-time replies.
    CHECK(w.tasks().availability(w.caller("dee"), "en")["label_assistant_reply"] == 0);
    const auto ranking = w.hold("dee", "rank_assistant_replies");
    CHECK(ranking["reply_messages"].size() == 2);
    for (const auto& reply : ranking["reply_messages"])
        CHECK(reply["id"] != late_id);
    w.rank("dee", ranking);
    w.done("eli", "rank_assistant_replies");
    CHECK(w.tree_state(root) == state::kReadyForExport);
    CHECK_FALSE(w.store.find_message(late_id)->rank);
}

TEST_CASE("late: a ranking after the tree was scored is stored apart and changes no rank") {
    World w;
    const std::string root = w.growing_tree();
    w.grow_to_ranking(root);
    const auto held = w.hold("rita", "rank_assistant_replies");
    w.done("dee", "rank_assistant_replies");
    w.done("eli", "rank_assistant_replies");
    REQUIRE(w.tree_state(root) == state::kReadyForExport);
    std::vector<std::optional<int>> ranks;
    for (const auto& child : w.store.children(root))
        ranks.push_back(child.rank);

    // Rita's order is the reverse of the others'.
    const auto done = w.answer(
        "rita", {{"type", "message_ranking"}, {"message_id", held["fe"]}, {"ranking", {1, 0}}});
    CHECK(done["type"] == "task_done");
    const auto parent = *w.store.find_message(root);
    CHECK(parent.ranking_count == 2);
    CHECK(parent.late_ranking_count == 1);
    CHECK(w.store.count_rankings(root) == 2);
    CHECK(w.store.ranking_rows(root).size() == 2);
    std::vector<std::optional<int>> after;
    for (const auto& child : w.store.children(root))
        after.push_back(child.rank);
    CHECK(after == ranks);
    CHECK(w.tree_state(root) == state::kReadyForExport);
}

TEST_CASE("late: a late review counts apart and decides nothing") {
    World w;
    w.done("ada", "initial_prompt");
    const auto held = w.hold("lena", "label_initial_prompt");
    const std::string root = held["message_id"];
    for (const char* reviewer : {"r1", "r2", "r3"})
        w.done(reviewer, "label_initial_prompt");
    REQUIRE(w.tree_state(root) == state::kGrowing);
    w.label("lena", held, /*spam=*/1); // would have lowered the acceptance
    const auto prompt = *w.store.find_message(root);
    CHECK(prompt.review_count == 3);
    CHECK(prompt.late_review_count == 1);
    CHECK(prompt.review_result == true);
    CHECK(w.store.task_reviews(root).size() == 3);
    CHECK(w.tree_state(root) == state::kGrowing);
}

TEST_CASE("late: halted and aborted trees and deleted messages refuse, storing nothing") {
    World w;
    const std::string root = w.growing_tree();
    w.grow_to_ranking(root);
    const auto held = w.hold("rita", "rank_assistant_replies");
    w.store.set_tree_state(root, state::kHaltedByModerator, w.now);
    try {
        w.rank("rita", held);
        FAIL("a ranking of a halted tree was stored");
    } catch (const domain::DomainError& error) {
        CHECK(error.code == protocol::ErrorCode::TreeInAbortedState);
        CHECK_THAT(error.what(), Catch::Matchers::Contains("halted"));
    }
    CHECK(w.store.count_rankings(root) == 0);
    w.store.set_tree_state(root, state::kRanking, w.now);
    w.store.set_deleted(root, true);
    try {
        w.rank("rita", held);
        FAIL("a ranking under a deleted message was stored");
    } catch (const domain::DomainError& error) {
        CHECK(error.code == protocol::ErrorCode::MessageNotFound);
    }
    CHECK(w.store.count_rankings(root) == 0);
    CHECK(w.store.find_message(root)->late_ranking_count == 0);
}

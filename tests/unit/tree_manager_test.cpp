// The tree manager's states and the task sampler's exclusions, run directly on a real SQLite
// database (no HTTP): PROTOCOL.md §5.
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/task_service.h"
#include "server/domain/tree_manager.h"
#include "server/store/database.h"
#include "tests/support/tree_world.h"

#include <catch2/catch.hpp>

using namespace orchard;
using domain::tree_state::kAbortedLowGrade;
using domain::tree_state::kGrowing;
using domain::tree_state::kHaltedByModerator;
using domain::tree_state::kInitialPromptReview;
using domain::tree_state::kPromptLotteryWaiting;
using domain::tree_state::kRanking;
using domain::tree_state::kReadyForExport;

namespace {

struct World : test::TreeWorld {
    World() : TreeWorld(42) {}

    store::MessageRecord add_message(const std::string& author,
                                     const std::optional<std::string>& parent,
                                     const std::string& lang = "en") {
        store::MessageRecord m;
        m.id = domain::new_uuid();
        m.user_id = caller(author).user.id;
        m.lang = lang;
        m.text = "text " + m.id;
        m.created_ms = ++now;
        if (parent) {
            auto p = *store.find_message(*parent);
            m.parent_id = p.id;
            m.tree_id = p.tree_id;
            m.depth = p.depth + 1;
            m.role = p.role == "prompter" ? "assistant" : "prompter";
            store.insert_message(m);
            trees().reply_added(m);
        } else {
            m.tree_id = m.id;
            m.role = "prompter";
            store.insert_message(m);
            trees().start_tree(m);
        }
        return m;
    }
    void review(const std::string& message_id, const std::string& reviewer, double spam) {
        store.insert_labels(domain::new_uuid(), message_id, caller(reviewer).user.id,
                            domain::new_uuid(),
                            nlohmann::json{{"spam", spam}, {"lang_mismatch", 0}}.dump(),
                            std::nullopt, false, ++now);
        trees().review_added(message_id);
    }
    void accept(const std::string& message_id) {
        for (const char* reviewer : {"r1", "r2", "r3"})
            review(message_id, reviewer, 0);
    }
    std::string state(const std::string& tree_id) { return store.find_tree(tree_id)->state; }
    long available(const std::string& user, const std::string& type,
                   const std::string& lang = "en") {
        return tasks().availability(caller(user), lang)[type].get<long>();
    }
};

} // namespace

TEST_CASE("tree manager: a prompt accepted by its reviews grows, a rejected one is aborted") {
    World w;
    auto good = w.add_message("ada", std::nullopt);
    auto bad = w.add_message("bob", std::nullopt);
    CHECK(w.state(good.id) == kInitialPromptReview);
    w.review(good.id, "r1", 0);
    w.review(good.id, "r2", 1);
    CHECK(w.state(good.id) == kInitialPromptReview); // 2 of 3 reviews: still pending
    w.review(good.id, "r3", 0);                      // acceptance 1 - 1/3 = 0.67 > 0.6
    CHECK(w.state(good.id) == kGrowing);
    CHECK(w.store.find_message(good.id)->review_result == true);
    w.review(bad.id, "r1", 1);
    w.review(bad.id, "r2", 0);
    w.review(bad.id, "r3", 1); // acceptance 1/3
    CHECK(w.state(bad.id) == kAbortedLowGrade);
}

TEST_CASE("tree manager: the lottery keeps at most max_active_trees growing per language") {
    World w;
    w.config.max_active_trees = 1;
    w.config.goal_tree_size = 2; // the root and one reply
    auto first = w.add_message("ada", std::nullopt);
    auto second = w.add_message("bob", std::nullopt);
    auto german = w.add_message("cy", std::nullopt, "de");
    w.accept(first.id);
    w.accept(second.id);
    w.accept(german.id);
    CHECK(w.state(first.id) == kGrowing);
    CHECK(w.state(second.id) == kPromptLotteryWaiting);
    CHECK(w.state(german.id) == kGrowing); // languages are counted apart
    // When the first tree stops growing, the waiting one wins the next draw.
    auto reply = w.add_message("bob", first.id);
    w.accept(reply.id);
    CHECK(w.state(first.id) == kReadyForExport); // one reply: nothing to rank
    CHECK(w.state(second.id) == kGrowing);
}

TEST_CASE("tree manager: growing trees move to ranking, then to export with consensus ranks") {
    World w;
    w.config.goal_tree_size = 3;
    w.config.num_required_rankings = 2;
    auto root = w.add_message("ada", std::nullopt);
    w.accept(root.id);
    auto a = w.add_message("bob", root.id);
    auto b = w.add_message("cy", root.id);
    w.accept(a.id);
    CHECK(w.state(root.id) == kGrowing); // b still under review
    w.accept(b.id);
    CHECK(w.state(root.id) == kRanking);
    const auto rank = [&](const std::string& who, std::vector<std::string> order) {
        w.store.insert_ranking(domain::new_uuid(), root.id, w.caller(who).user.id,
                               domain::new_uuid(), nlohmann::json(order).dump(), false, ++w.now);
        w.trees().ranking_added(root.id);
    };
    rank("dee", {b.id, a.id});
    CHECK(w.state(root.id) == kRanking);
    rank("eli", {b.id, a.id});
    CHECK(w.state(root.id) == kReadyForExport);
    CHECK(w.store.find_message(b.id)->rank == 0);
    CHECK(w.store.find_message(a.id)->rank == 1);
}

TEST_CASE("tree manager: a tree that cannot grow further goes to ranking below its goal size") {
    World w;
    w.config.max_tree_depth = 1;
    w.config.max_children_count = 1;
    auto root = w.add_message("ada", std::nullopt);
    w.accept(root.id);
    auto only = w.add_message("bob", root.id);
    w.accept(only.id);
    CHECK(w.state(root.id) == kReadyForExport); // nothing to rank: scored at once
}

TEST_CASE("tree manager: too many skips on one message halt the tree") {
    World w;
    w.config.auto_mod_max_skip_reply = 2;
    auto root = w.add_message("ada", std::nullopt);
    w.accept(root.id);
    for (const char* user : {"bob", "cy"}) {
        auto task = w.tasks().request_task(w.caller(user), "assistant_reply", "en", false);
        w.tasks().nack(w.caller(user), task["id"], "not my topic");
    }
    CHECK(w.state(root.id) == kHaltedByModerator);
}

TEST_CASE("sampling: nobody labels or answers their own message") {
    World w;
    auto root = w.add_message("ada", std::nullopt);
    CHECK(w.available("ada", "label_initial_prompt") == 0);
    CHECK(w.available("bob", "label_initial_prompt") == 1);
    w.accept(root.id);
    CHECK(w.available("ada", "assistant_reply") == 0);
    CHECK(w.available("bob", "assistant_reply") == 1);
}

TEST_CASE("sampling: nobody reviews the same message twice, and skipped ones never come back") {
    World w;
    auto root = w.add_message("ada", std::nullopt);
    w.review(root.id, "bob", 0);
    CHECK(w.available("bob", "label_initial_prompt") == 0);
    auto task = w.tasks().request_task(w.caller("cy"), "label_initial_prompt", "en", false);
    w.tasks().nack(w.caller("cy"), task["id"], "skip");
    CHECK(w.available("cy", "label_initial_prompt") == 0);
    CHECK(w.available("dee", "label_initial_prompt") == 1);
}

TEST_CASE("sampling: two people are not sent to answer the same message at once") {
    World w;
    auto root = w.add_message("ada", std::nullopt);
    w.accept(root.id);
    auto task = w.tasks().request_task(w.caller("bob"), "assistant_reply", "en", false);
    CHECK(task["conversation"]["messages"][0]["id"] == root.id);
    CHECK(w.available("cy", "assistant_reply") == 0);
    // After the open-task window the message is offered again.
    w.now += std::int64_t{w.config.recent_tasks_span_sec} * 1000 + 1;
    CHECK(w.available("cy", "assistant_reply") == 1);
}

TEST_CASE("sampling: depth and children limits hold, and languages are kept apart") {
    World w;
    w.config.max_tree_depth = 1;
    w.config.max_children_count = 2;
    auto root = w.add_message("ada", std::nullopt, "de");
    w.accept(root.id);
    CHECK(w.available("bob", "assistant_reply", "en") == 0);
    CHECK(w.available("bob", "assistant_reply", "de") == 1);
    auto reply = w.add_message("bob", root.id, "de");
    w.accept(reply.id);
    CHECK(w.available("cy", "prompter_reply", "de") == 0); // the reply is at max depth
    auto second = w.add_message("cy", root.id, "de");
    w.accept(second.id);
    CHECK(w.available("dee", "assistant_reply", "de") == 0); // two children: full
}

TEST_CASE("sampling: a user already replying under a parent is not offered it again") {
    World w;
    auto root = w.add_message("ada", std::nullopt);
    w.accept(root.id);
    w.add_message("bob", root.id);
    CHECK(w.available("bob", "assistant_reply") == 0);
    CHECK(w.available("cy", "assistant_reply") == 1);
}

TEST_CASE("sampling: an unavailable task type is refused with 1006") {
    World w;
    try {
        w.tasks().request_task(w.caller("ada"), "rank_assistant_replies", "en", false);
        FAIL("expected a refusal");
    } catch (const domain::DomainError& error) {
        CHECK(error.code == protocol::ErrorCode::TaskTypeNotAvailable);
    }
}

TEST_CASE("tree manager: the lottery favours authors whose replies were ranked first") {
    // Two authors wait with one prompt each; only one tree may grow. The author with 3 replies
    // ranked first this month weighs 4 against 1, so wins about 80 % of the draws.
    World w;
    w.config.max_active_trees = 1;
    auto old_root = w.add_message("someone", std::nullopt);
    for (int i = 0; i < 3; ++i)
        w.store.set_rank(w.add_message("good", old_root.id).id, 0);
    w.store.set_tree_state(old_root.id, "ready_for_export", w.now);
    auto plain = w.add_message("plain", std::nullopt);
    auto good = w.add_message("good", std::nullopt);

    int good_author_wins = 0;
    const int draws = 1000;
    for (int draw = 0; draw < draws; ++draw) {
        w.store.set_tree_state(plain.id, kPromptLotteryWaiting, w.now);
        w.store.set_tree_state(good.id, kPromptLotteryWaiting, w.now);
        w.trees().run_lottery("en");
        REQUIRE(w.store.count_trees(kGrowing, "en") == 1);
        if (w.state(good.id) == kGrowing) ++good_author_wins;
    }
    const double share = static_cast<double>(good_author_wins) / draws;
    CHECK(share > 0.75);
    CHECK(share < 0.85);
}

#include "server/demo/demo_loader.h"

#include "server/domain/config.h"
#include "server/domain/ids.h"
#include "server/domain/ranked_pairs.h"
#include "server/domain/rewards.h"
#include "server/domain/tree_manager.h"
#include "server/store/tree_store.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace orchard::demo {

namespace {

using nlohmann::json;

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

constexpr auto kTreeStates = domain::tree_state::kAll;

// --- The sample file ---------------------------------------------------------------------

struct SampleUser {
    std::string username;
    std::string display_name;
};

struct SampleMessage {
    std::string ref; // the file's own name for the message, used by rankings and in errors
    std::string author;
    std::string role;
    std::string text;
    std::optional<bool> review_result; // "accepted" true, "rejected" false, "pending" null
    std::vector<SampleMessage> children;
    // Rankings of the children (refs, best first), and parallel to it who gave each one.
    std::vector<std::vector<std::string>> rankings;
    std::vector<std::string> ranked_by;
};

struct SampleTree {
    std::string lang;
    std::string state;
    SampleMessage prompt;
};

struct Sample {
    std::vector<SampleUser> users;
    std::vector<SampleTree> trees;
};

[[noreturn]] void fail(const std::string& why) {
    throw std::runtime_error("demo data: " + why);
}

std::string text_field(const json& object, const char* key, const std::string& where) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
        fail(where + ": \"" + key + "\" must be a non-empty string");
    return it->get<std::string>();
}

std::vector<std::string> string_array(const json& value, const std::string& where) {
    if (!value.is_array()) fail(where + " must be an array of strings");
    std::vector<std::string> strings;
    for (const auto& item : value) {
        if (!item.is_string()) fail(where + " must be an array of strings");
        strings.push_back(item.get<std::string>());
    }
    return strings;
}

SampleMessage parse_message(const json& object, const std::string& where) {
    if (!object.is_object()) fail(where + ": a message must be an object");
    SampleMessage message;
    message.ref = text_field(object, "ref", where);
    const std::string here = where + ", message " + message.ref;
    message.author = text_field(object, "author", here);
    message.role = text_field(object, "role", here);
    message.text = text_field(object, "text", here);
    // A message without a review is one that passed, like most of a grown tree.
    const std::string review =
        object.contains("review") ? text_field(object, "review", here) : std::string("accepted");
    if (review == "accepted")
        message.review_result = true;
    else if (review == "rejected")
        message.review_result = false;
    else if (review != "pending")
        fail(here + ": review must be accepted, rejected or pending, not '" + review + "'");
    if (object.contains("children")) {
        if (!object["children"].is_array()) fail(here + ": children must be an array");
        for (const auto& child : object["children"])
            message.children.push_back(parse_message(child, where));
    }
    if (object.contains("rankings")) {
        if (!object["rankings"].is_array()) fail(here + ": rankings must be an array");
        for (const auto& ranking : object["rankings"])
            message.rankings.push_back(string_array(ranking, here + ": each ranking"));
        if (!object.contains("ranked_by")) fail(here + ": rankings need ranked_by");
        message.ranked_by = string_array(object["ranked_by"], here + ": ranked_by");
        if (message.ranked_by.size() != message.rankings.size())
            fail(here + ": ranked_by must name one user per ranking");
    }
    return message;
}

Sample read_sample(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) fail("cannot read " + file.string());
    const json document = json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) fail(file.string() + " is not valid JSON");
    if (!document.is_object() || !document.contains("users") || !document["users"].is_array() ||
        !document.contains("trees") || !document["trees"].is_array())
        fail(file.string() + " must be an object with \"users\" and \"trees\" arrays");

    Sample sample;
    for (const auto& user : document["users"]) {
        if (!user.is_object()) fail("each user must be an object");
        SampleUser entry;
        entry.username = text_field(user, "username", "a user");
        entry.display_name = text_field(user, "display_name", "user " + entry.username);
        sample.users.push_back(std::move(entry));
    }
    int index = 0;
    for (const auto& tree : document["trees"]) {
        const std::string where = "tree " + std::to_string(++index);
        if (!tree.is_object() || !tree.contains("prompt"))
            fail(where + " must be an object with a prompt");
        SampleTree entry;
        entry.lang = text_field(tree, "lang", where);
        entry.state = text_field(tree, "state", where);
        entry.prompt = parse_message(tree["prompt"], where);
        sample.trees.push_back(std::move(entry));
    }
    return sample;
}

// --- Writing it --------------------------------------------------------------------------

// Every message's tree row is written in the same transaction as the message itself
// (TreeManager::start_tree right after the root), so "some tree exists" is "some message exists".
// Asking per state uses a query the store already has; SQL stays in store/.
bool has_conversations(store::TreeStore& store) {
    return std::any_of(kTreeStates.begin(), kTreeStates.end(), [&](const char* state) {
        return !store.languages_with_trees_in_state(state).empty();
    });
}

int height(const SampleMessage& message) {
    int deepest = 0;
    for (const auto& child : message.children)
        deepest = std::max(deepest, 1 + height(child));
    return deepest;
}

// How long ago a tree in `state` was started. Later states are older, since a tree needs days of
// reviews, replies and rankings to get there; `nth` (the how-manieth tree of that state) spreads
// the trees of one state apart, so that lists ordered by date look like a real history.
std::int64_t tree_age(const std::string& state, int nth) {
    struct Spread {
        const char* state;
        std::int64_t base;
        std::int64_t spacing;
    };
    static constexpr std::array<Spread, 10> kSpreads = {{
        {domain::tree_state::kInitialPromptReview, 1 * kHour, 3 * kHour},
        {domain::tree_state::kPromptLotteryWaiting, 26 * kHour, 5 * kHour},
        {domain::tree_state::kAbortedLowGrade, 30 * kHour, 7 * kHour},
        {domain::tree_state::kGrowing, 2 * kDay, 6 * kHour},
        {domain::tree_state::kHaltedByModerator, 4 * kDay, 10 * kHour},
        {domain::tree_state::kRanking, 6 * kDay, 8 * kHour},
        {domain::tree_state::kBacklogRanking, 6 * kDay, 8 * kHour},
        {domain::tree_state::kReadyForScoring, 9 * kDay, 12 * kHour},
        {domain::tree_state::kReadyForExport, 9 * kDay, 12 * kHour},
        {domain::tree_state::kScoringFailed, 9 * kDay, 12 * kHour},
    }};
    for (const auto& spread : kSpreads)
        if (state == spread.state) return spread.base + nth * spread.spacing + 17 * kMinute;
    return 3 * kDay;
}

class Loader {
  public:
    Loader(store::TreeStore& store, const Sample& sample, std::int64_t now_ms)
        : store_(store), sample_(sample), now_ms_(now_ms) {}

    DemoSummary run() {
        insert_users();
        std::map<std::string, int> trees_per_state;
        for (const auto& tree : sample_.trees)
            insert_tree(tree, trees_per_state[tree.state]++);
        earn_points();
        return summary_;
    }

  private:
    // Where one tree's messages go in time: the root at `root_ms`, each level `step` later.
    struct TreeTimes {
        std::int64_t root_ms;
        std::int64_t step;
        int height;
    };

    // What the sample's people did, for the points it earned them (domain::Rewards), replayed in
    // the order it happened once every row is written: the leaderboards, levels and news of a
    // new server then come from the same rules as everyone's later work.
    struct Deed {
        std::int64_t at;
        std::function<void(domain::Rewards&)> reward;
    };
    void earn_points() {
        std::stable_sort(deeds_.begin(), deeds_.end(),
                         [](const Deed& a, const Deed& b) { return a.at < b.at; });
        for (const auto& deed : deeds_) {
            domain::Rewards rewards(store_.statements(), config_, deed.at);
            deed.reward(rewards);
        }
    }

    // A child as its parent's rankings need it.
    struct Child {
        std::string id;
        std::string author;
        bool accepted;
    };

    void insert_users() {
        // Users joined about a month ago, one after the other.
        const std::int64_t joined = now_ms_ - 30 * kDay;
        for (size_t i = 0; i < sample_.users.size(); ++i) {
            const SampleUser& user = sample_.users[i];
            if (user_ids_.contains(user.username)) fail("user " + user.username + " appears twice");
            // A sample without trees leaves its users behind; a later load reuses them rather
            // than writing a second user of the same name.
            auto existing = store_.find_frontend_user(std::nullopt, "local", user.username);
            if (existing) {
                user_ids_[user.username] = existing->id;
            } else {
                store::UserRecord record;
                record.id = domain::new_uuid();
                record.api_client_id = std::nullopt;
                record.auth_method = "local";
                record.external_id = user.username;
                record.display_name = user.display_name;
                store_.insert_user(record, joined + static_cast<std::int64_t>(i) * kHour);
                user_ids_[user.username] = record.id;
            }
            usernames_.push_back(user.username);
            ++summary_.users;
        }
    }

    const std::string& user_id(const std::string& username, const std::string& where) const {
        auto it = user_ids_.find(username);
        if (it == user_ids_.end()) fail(where + ": unknown user '" + username + "'");
        return it->second;
    }

    void insert_tree(const SampleTree& tree, int nth) {
        const std::string where = "tree " + tree.prompt.ref;
        if (!domain::tree_state::is_state(tree.state))
            fail(where + ": unknown state '" + tree.state + "'");
        // A prompt leaves review as soon as it is decided (TreeManager::review_added), so only
        // trees under review hold an undecided prompt, and only they.
        const bool under_review = tree.state == domain::tree_state::kInitialPromptReview;
        if (under_review != !tree.prompt.review_result)
            fail(where + ": the prompt must be pending exactly when the tree is in " +
                 domain::tree_state::kInitialPromptReview);

        // Spread the messages over the tree's age so that everything (the deepest reply, its
        // reviews, the rankings) lies in the past: messages take at most 1.25 steps per level,
        // reviews and rankings fit in the last step.
        const std::int64_t age = tree_age(tree.state, nth);
        TreeTimes times;
        times.height = height(tree.prompt);
        times.root_ms = now_ms_ - age;
        times.step = age * 4 / (5 * times.height + 4);

        const std::string root_id = domain::new_uuid();
        insert_message(tree.prompt, tree, root_id, root_id, std::nullopt, 0, times.root_ms, times);

        store::TreeRecord record;
        record.id = root_id;
        record.state = tree.state;
        record.lang = tree.lang;
        record.goal_tree_size = config_.goal_tree_size;
        record.max_depth = config_.max_tree_depth;
        record.max_children_count = config_.max_children_count;
        record.origin = "demo";
        record.created_ms = times.root_ms;
        // Every tree that got past the waiting room won the prompt lottery, after its prompt's
        // reviews and before its first reply.
        const bool waiting = under_review ||
                             tree.state == domain::tree_state::kPromptLotteryWaiting ||
                             tree.state == domain::tree_state::kAbortedLowGrade;
        if (!waiting) record.won_prompt_lottery_ms = times.root_ms + times.step / 2;
        store_.insert_tree(record);
        ++summary_.trees;

        if (tree.state == domain::tree_state::kReadyForExport)
            score(root_id, times.root_ms + (5 * times.height + 4) * times.step / 4 - 1);
    }

    void insert_message(const SampleMessage& message, const SampleTree& tree, const std::string& id,
                        const std::string& tree_id, const std::optional<std::string>& parent_id,
                        int depth, std::int64_t created_ms, const TreeTimes& times) {
        const std::string where = "message " + message.ref;
        if (!refs_.insert(message.ref).second) fail(where + " appears twice");
        const std::string expected_role =
            depth % 2 == 0 ? "prompter" : "assistant"; // roles alternate from the prompt
        if (message.role != expected_role)
            fail(where + ": role must be " + expected_role + " at depth " + std::to_string(depth));
        if (depth > config_.max_tree_depth)
            fail(where + " is deeper than max_tree_depth " +
                 std::to_string(config_.max_tree_depth));
        if (static_cast<int>(message.children.size()) > config_.max_children_count)
            fail(where + " has more than " + std::to_string(config_.max_children_count) +
                 " replies");
        if (!message.children.empty() && message.review_result != std::optional(true))
            fail(where + " has replies but is not accepted; only accepted messages are answered");

        store::MessageRecord record;
        record.id = id;
        record.tree_id = tree_id;
        record.parent_id = parent_id;
        record.depth = depth;
        record.role = message.role;
        record.lang = tree.lang;
        record.text = message.text;
        record.user_id = user_id(message.author, where);
        // As many reviews as decided the result; an undecided message has none yet.
        const int required =
            parent_id ? config_.num_reviews_reply : config_.num_reviews_initial_prompt;
        record.review_count = message.review_result ? required : 0;
        record.review_result = message.review_result;
        // No sample message is deleted, so every child is a live one.
        record.children_count = static_cast<int>(message.children.size());
        record.created_ms = created_ms;
        store_.insert_message(record);
        ++summary_.messages;
        deeds_.push_back({created_ms, [record](domain::Rewards& r) { r.message_written(record); }});
        if (message.review_result) insert_reviews(record, required, times.step);

        std::map<std::string, Child> children;
        for (size_t k = 0; k < message.children.size(); ++k) {
            const SampleMessage& child = message.children[k];
            const std::string child_id = domain::new_uuid();
            // Siblings arrive a little apart, in the file's order.
            const std::int64_t child_ms =
                created_ms + times.step + static_cast<std::int64_t>(k) * times.step / 8;
            insert_message(child, tree, child_id, tree_id, id, depth + 1, child_ms, times);
            children[child.ref] = {child_id, child.author, child.review_result == true};
        }
        insert_rankings(message, id, children, times);
    }

    // The task-based reviews that justify a decided review_result (only those count, see
    // TreeStore::task_reviews): `count` users other than the author, taken in turn so that the
    // work is spread over everyone. Each gets a task id of its own, as if done through a task;
    // no task row is written, since the tasks of the past are not needed for anything.
    void insert_reviews(const store::MessageRecord& message, int count, std::int64_t step) {
        if (static_cast<int>(usernames_.size()) < count + 1)
            fail("reviewing a message needs " + std::to_string(count + 1) + " users");
        static constexpr std::array<double, 3> kQuality = {0.75, 1.0, 0.5};
        std::set<std::string> reviewers;
        for (int j = 0; j < count; ++j) {
            std::string reviewer;
            do {
                reviewer = user_ids_.at(usernames_[review_turn_++ % usernames_.size()]);
            } while (reviewer == message.user_id || reviewers.contains(reviewer));
            reviewers.insert(reviewer);
            json labels = {{"spam", 0}, {"lang_mismatch", 0}};
            if (*message.review_result)
                labels["quality"] = kQuality[static_cast<size_t>(j) % kQuality.size()];
            else
                labels["spam"] = 1; // rejected as spam: acceptance 0
            const std::int64_t reviewed_ms = message.created_ms + step / 4 + j * step / 16;
            store_.insert_labels(domain::new_uuid(), message.id, reviewer, domain::new_uuid(),
                                 labels.dump(), std::nullopt, /*is_report=*/false, reviewed_ms);
            ++summary_.labels;
            // A review with a quality scale is a full one.
            const bool full = labels.contains("quality");
            deeds_.push_back({reviewed_ms, [reviewer, id = message.id, full](domain::Rewards& r) {
                                  r.labels_done(reviewer, id, full);
                              }});
            if (j + 1 == count && *message.review_result)
                deeds_.push_back(
                    {reviewed_ms, [message](domain::Rewards& r) { r.message_accepted(message); }});
        }
    }

    // The rankings of `message`'s replies, as ranking tasks store them (TaskService::ranking,
    // TreeManager::ranking_added): message ids best first, and the parent's ranking_count.
    void insert_rankings(const SampleMessage& message, const std::string& parent_id,
                         const std::map<std::string, Child>& children, const TreeTimes& times) {
        const std::string where = "rankings of " + message.ref;
        std::set<std::string> rankers;
        for (size_t r = 0; r < message.rankings.size(); ++r) {
            const std::string& ranker = user_id(message.ranked_by[r], where);
            if (!rankers.insert(ranker).second)
                fail(where + ": " + message.ranked_by[r] + " ranks twice");
            std::vector<std::string> ids;
            for (const auto& ref : message.rankings[r]) {
                auto child = children.find(ref);
                if (child == children.end()) fail(where + ": " + ref + " is not a reply to it");
                if (!child->second.accepted)
                    fail(where + ": " + ref + " is not accepted; only accepted replies are ranked");
                if (child->second.author == message.ranked_by[r])
                    fail(where + ": " + message.ranked_by[r] + " ranks their own reply " + ref);
                if (std::find(ids.begin(), ids.end(), child->second.id) != ids.end())
                    fail(where + ": " + ref + " is ranked twice in one ranking");
                ids.push_back(child->second.id);
            }
            if (ids.size() < 2) fail(where + ": a ranking orders at least two replies");
            // After every message of the tree and its reviews (see insert_tree).
            const std::int64_t ranked_ms = times.root_ms + (5 * times.height + 2) * times.step / 4 +
                                           static_cast<std::int64_t>(r) * times.step / 16;
            store_.insert_ranking(domain::new_uuid(), parent_id, ranker, domain::new_uuid(),
                                  json(ids).dump(), /*not_rankable=*/false, ranked_ms);
            deeds_.push_back({ranked_ms, [ranker, parent_id, ids](domain::Rewards& rewards) {
                                  rewards.ranking_done(ranker, parent_id, ids);
                              }});
            store_.increment_ranking_count(parent_id);
            ++summary_.rankings;
        }
    }

    // The consensus ranks of an exported tree, exactly as TreeManager::score writes them; an
    // exported tree whose rankings cannot give them is a mistake in the sample.
    void score(const std::string& tree_id, std::int64_t scored_ms) {
        std::map<std::string, int> accepted_children;
        for (const auto& message : store_.tree_messages(tree_id))
            if (message.parent_id && !message.deleted && message.review_result == true)
                accepted_children[*message.parent_id] += 1;
        for (const auto& [parent, count] : accepted_children) {
            if (count < 2) continue;
            const std::string where = "a parent in exported tree " + tree_id;
            if (store_.count_rankings(parent) < config_.num_required_rankings)
                fail(where + " has fewer than " + std::to_string(config_.num_required_rankings) +
                     " rankings");
            const domain::Consensus consensus = domain::ranked_pairs(store_.rankings_of(parent));
            if (consensus.order.empty()) fail(where + " has rankings that give no consensus");
            deeds_.push_back({scored_ms, [parent, rankings = store_.ranking_rows(parent),
                                          order = consensus.order](domain::Rewards& r) {
                                  r.rankings_scored(parent, rankings, order);
                              }});
            for (const auto& child : store_.children(parent, /*include_deleted=*/true)) {
                auto place = std::find(consensus.order.begin(), consensus.order.end(), child.id);
                store_.set_rank(child.id, place == consensus.order.end()
                                              ? std::nullopt
                                              : std::optional<int>(static_cast<int>(
                                                    place - consensus.order.begin())));
            }
        }
        deeds_.push_back({scored_ms, [tree_id](domain::Rewards& r) { r.tree_ready(tree_id); }});
    }

    store::TreeStore& store_;
    const Sample& sample_;
    const std::int64_t now_ms_;
    // The defaults, as on the empty database the demo is loaded into.
    const domain::TreeManagerConfig config_{};
    std::map<std::string, std::string> user_ids_; // username → user id
    std::vector<std::string> usernames_;          // in the file's order, for taking turns
    std::set<std::string> refs_;                  // every message ref seen so far
    size_t review_turn_ = 0;
    DemoSummary summary_;
    std::vector<Deed> deeds_;
};

} // namespace

std::optional<DemoSummary> load_demo_data(store::Database& database,
                                          const std::filesystem::path& sample_file,
                                          std::int64_t now_ms) {
    store::Database::Transaction transaction(database);
    store::TreeStore store(transaction.statements());
    // Checked before reading the file, so that a restart on a filled database never depends on
    // the sample still being where it was.
    if (has_conversations(store)) return std::nullopt;
    const Sample sample = read_sample(sample_file);
    const DemoSummary summary = Loader(store, sample, now_ms).run();
    transaction.commit();
    return summary;
}

} // namespace orchard::demo

// A large database like a long-running deployment's, written only through store::TreeStore, for
// the benchmarks that need one (bench_big_db: task handout; bench_export: dataset export). About
// 13.5 messages per tree, ~3 reviews per message, rankings; trees in the states a deployment has
// (most ready_for_export or aborted, a few hundred per language under review, waiting, growing
// or ranking). Contributions are skewed towards a few very active users, as on any crowd-sourcing
// site.
#pragma once

#include "server/api/api_keys.h"
#include "server/store/database.h"
#include "server/store/sqlite.h"
#include "server/store/tree_store.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace orchard::bench {

using orchard::store::MessageRecord;
using orchard::store::TreeRecord;
using orchard::store::TreeStore;
using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

inline constexpr std::int64_t kMinute = 60 * 1000;
inline constexpr std::int64_t kDay = 24 * 60 * kMinute;
// Trees per transaction: large enough that commits (and their WAL syncs) do not matter, small
// enough that the WAL does not grow to gigabytes before a checkpoint.
inline constexpr int kTreesPerTransaction = 500;

// Which of `count` users acts: a few people do most of the work, as on every crowd-sourcing site
// (user i is picked with probability falling like 1/sqrt(i); the first 0.1% of users write
// about 3% of everything). Task requests are drawn the same way, since the people who contribute
// most also ask for the most tasks.
inline size_t skewed_user(std::mt19937_64& rng, size_t count) {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    return std::min(count - 1, static_cast<size_t>(static_cast<double>(count) * u * u));
}

inline double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

inline double file_mb(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    return error ? 0.0 : static_cast<double>(size) / (1024.0 * 1024.0);
}

// Words for texts, so that the full-text index sees a realistic vocabulary and realistic lengths.
inline const std::vector<std::string> kWords = {
    "the",        "a",           "of",           "to",      "and",        "in",
    "is",         "it",          "you",          "that",    "for",        "on",
    "with",       "as",          "can",          "this",    "be",         "are",
    "or",         "how",         "what",         "why",     "when",       "should",
    "would",      "could",       "explain",      "example", "python",     "function",
    "recipe",     "history",     "garden",       "bread",   "planet",     "music",
    "language",   "travel",      "budget",       "health",  "exercise",   "poem",
    "story",      "science",     "energy",       "climate", "computer",   "network",
    "database",   "question",    "answer",       "simple",  "detailed",   "step",
    "first",      "second",      "finally",      "however", "because",    "therefore",
    "important",  "common",      "mistake",      "better",  "different",  "similar",
    "people",     "world",       "water",        "time",    "year",       "day",
    "way",        "thing",       "idea",         "problem", "solution",   "number",
    "part",       "place",       "case",         "point",   "government", "company",
    "system",     "program",     "work",         "week",    "fact",       "group",
    "country",    "student",     "teacher",      "book",    "eye",        "job",
    "word",       "business",    "issue",        "side",    "kind",       "head",
    "house",      "service",     "friend",       "power",   "hour",       "game",
    "line",       "end",         "member",       "law",     "car",        "city",
    "community",  "name",        "president",    "team",    "minute",     "kid",
    "body",       "information", "back",         "parent",  "face",       "others",
    "level",      "office",      "door",         "art",     "war",        "party",
    "result",     "change",      "morning",      "reason",  "research",   "girl",
    "guy",        "moment",      "air",          "force",   "education",  "foot",
    "boy",        "age",         "policy",       "process", "everything", "music",
    "market",     "sense",       "nation",       "plan",    "college",    "interest",
    "death",      "experience",  "effect",       "use",     "class",      "control",
    "care",       "field",       "development",  "role",    "effort",     "rate",
    "heart",      "drug",        "show",         "leader",  "light",      "voice",
    "wife",       "police",      "mind",         "price",   "report",     "decision",
    "son",        "view",        "relationship", "town",    "road",       "arm",
    "difference", "value",       "building",     "action",  "model",      "season",
    "society",    "tax",         "director",     "position"};

class Generator {
  public:
    Generator(std::mt19937_64& rng, std::string api_client_id, int users, std::int64_t now_ms)
        : rng_(rng), api_client_id_(std::move(api_client_id)), users_(users), now_ms_(now_ms) {}

    // The store of the current transaction; a new one per batch.
    void use(TreeStore& store) { store_ = &store; }

    // Seconds spent in each kind of store call, to tell where generation time goes.
    std::map<std::string, double> seconds;
    std::map<std::string, long> calls;
    std::map<std::string, long> trees_by_state;
    long authored_by(size_t user) const { return authored_[user]; }
    long median_authored() const {
        std::vector<long> counts = authored_;
        std::nth_element(counts.begin(), counts.begin() + static_cast<long>(counts.size() / 2),
                         counts.end());
        return counts[counts.size() / 2];
    }
    long messages_written = 0, labels_written = 0, rankings_written = 0;

    void insert_users() {
        for (int i = 0; i < users_; ++i) {
            orchard::store::UserRecord user;
            user.id = uuid();
            user.api_client_id = api_client_id_;
            user.auth_method = "local";
            user.external_id = "u" + std::to_string(i);
            // What Frontend::user sends, so that requests do not rename (and write) the user.
            user.display_name = "User " + user.external_id;
            timed("insert_user", [&] { store_->insert_user(user, now_ms_ - 400 * kDay); });
            user_ids_.push_back(user.id);
        }
        authored_.assign(user_ids_.size(), 0);
    }

    // One tree in `state`, created at `created_ms`.
    void tree(const std::string& state, const std::string& lang, std::int64_t created_ms) {
        ++trees_by_state[state + " " + lang];
        std::vector<Node> nodes = full_shape();
        Plan plan;
        if (state == "initial_prompt_review") {
            nodes.resize(1);
            plan.root_review = Review::Pending;
        } else if (state == "aborted_low_grade") {
            nodes.resize(1);
            plan.root_review = Review::Rejected;
        } else if (state == "prompt_lottery_waiting") {
            nodes.resize(1);
        } else if (state == "growing" || state == "halted_by_moderator") {
            partial(nodes);
        } else if (state == "ranking") {
            plan.rankings_per_parent = -1; // 0 to 2, so that every tree still needs some
        } else if (state == "ready_for_export") {
            plan.rankings_per_parent = 3;
            plan.ranked = true;
        } else if (state == "scoring_failed") {
            plan.rankings_per_parent = 3;
        }
        write(nodes, plan, state, lang, created_ms);
    }

  private:
    enum class Review { Accepted, Rejected, Pending };
    struct Node {
        int parent;
        int depth;
        bool assistant;
        Review review = Review::Accepted;
        int children = 0;
    };
    struct Plan {
        Review root_review = Review::Accepted;
        int rankings_per_parent = 0;
        bool ranked = false;
    };

    template <typename Call> void timed(const char* what, Call call) {
        const auto start = Clock::now();
        call();
        seconds[what] += milliseconds_since(start) / 1000.0;
        ++calls[what];
    }

    // Version 4 UUIDs like domain::new_uuid, from the seeded generator so that runs repeat.
    std::string uuid() {
        const std::uint64_t high = rng_(), low = rng_();
        char text[37];
        std::snprintf(
            text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(high >> 32),
            static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0x0FFF),
            static_cast<unsigned>(0x8000 | ((low >> 48) & 0x3FFF)),
            static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
        return text;
    }

    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
    const std::string& any_user() { return user_ids_[skewed_user(rng_, user_ids_.size())]; }
    const std::string& user_other_than(const std::vector<std::string>& excluded) {
        for (;;) {
            const std::string& user = any_user();
            if (std::find(excluded.begin(), excluded.end(), user) == excluded.end()) return user;
        }
    }

    std::string text(int min_chars, int max_chars, bool question) {
        const int length = between(min_chars, max_chars);
        std::string text;
        bool sentence_start = true;
        while (static_cast<int>(text.size()) < length) {
            std::string word = kWords[rng_() % kWords.size()];
            if (sentence_start) word[0] = static_cast<char>(std::toupper(word[0]));
            text += word;
            sentence_start = chance(0.08);
            text += sentence_start ? (question && chance(0.5) ? "? " : ". ") : " ";
        }
        text.back() = question ? '?' : '.';
        return text;
    }

    // The shape of a finished tree with the default limits (max_tree_depth 3, max_children_count
    // 3, num_prompter_replies 1): a prompt, 2-3 assistant replies, one user reply each, and 2-3
    // assistant replies to each of those. Parents come before children.
    std::vector<Node> full_shape() {
        std::vector<Node> nodes = {{-1, 0, false}};
        const int first = chance(0.8) ? 3 : 2;
        for (int i = 0; i < first; ++i)
            nodes.push_back({0, 1, true});
        for (int i = 1; i <= first; ++i)
            nodes.push_back({i, 2, false});
        for (int i = first + 1; i <= 2 * first; ++i) {
            const int replies = chance(0.5) ? 3 : 2;
            for (int j = 0; j < replies; ++j)
                nodes.push_back({i, 3, true});
        }
        return nodes;
    }

    // A tree still growing (or halted while growing): the first messages in creation order, the
    // newest leaves still under review, fewer than goal_tree_size (12) accepted.
    void partial(std::vector<Node>& nodes) {
        nodes.resize(
            static_cast<size_t>(between(2, std::min<int>(12, static_cast<int>(nodes.size())))));
        std::vector<bool> has_child(nodes.size(), false);
        for (const auto& node : nodes)
            if (node.parent >= 0) has_child[static_cast<size_t>(node.parent)] = true;
        int pending = between(nodes.size() >= 12 ? 1 : 0, 3);
        for (size_t i = nodes.size() - 1; i > 0 && pending > 0; --i) {
            if (has_child[i]) continue;
            nodes[i].review = Review::Pending;
            --pending;
        }
    }

    std::string label_json(bool assistant, bool full, bool spam) {
        constexpr std::array<double, 5> kSteps = {0.0, 0.25, 0.5, 0.75, 1.0};
        auto step = [&] { return kSteps[rng_() % kSteps.size()]; };
        json labels = {{"spam", spam ? 1.0 : 0.0}, {"lang_mismatch", 0.0}, {"quality", step()}};
        if (full) {
            if (assistant) {
                labels["fails_task"] = chance(0.1) ? 1.0 : 0.0;
                labels["helpfulness"] = step();
            }
            labels["creativity"] = step();
            labels["humor"] = step();
            labels["toxicity"] = 0.0;
            labels["violence"] = 0.0;
            for (const char* flag : {"not_appropriate", "pii", "hate_speech", "sexual_content"})
                labels[flag] = 0.0;
        }
        return labels.dump();
    }

    void write(std::vector<Node>& nodes, const Plan& plan, const std::string& state,
               const std::string& lang, std::int64_t created_ms) {
        nodes[0].review = plan.root_review;
        for (const auto& node : nodes)
            if (node.parent >= 0) ++nodes[static_cast<size_t>(node.parent)].children;

        std::vector<MessageRecord> records(nodes.size());
        const std::string tree_id = uuid();
        std::int64_t written_ms = created_ms; // every reply a little after the one before
        for (size_t i = 0; i < nodes.size(); ++i) {
            const Node& node = nodes[i];
            MessageRecord& m = records[i];
            m.id = i == 0 ? tree_id : uuid();
            m.tree_id = tree_id;
            if (node.parent >= 0) m.parent_id = records[static_cast<size_t>(node.parent)].id;
            m.depth = node.depth;
            m.role = node.assistant ? "assistant" : "prompter";
            m.lang = lang;
            m.text = node.assistant ? text(120, 1400, false)
                     : i == 0       ? text(40, 400, true)
                                    : text(20, 200, true);
            const size_t author = skewed_user(rng_, user_ids_.size());
            m.user_id = user_ids_[author];
            ++authored_[author];
            m.api_client_id = api_client_id_;
            m.frontend_message_id = "gen-" + std::to_string(++frontend_serial_);
            m.review_count = node.review == Review::Pending ? between(0, 2) : 3;
            if (node.review != Review::Pending) m.review_result = node.review == Review::Accepted;
            m.children_count = node.children;
            if (i > 0) written_ms += between(5, 180) * kMinute;
            m.created_ms = written_ms;
        }

        // Rankings of each parent with more than one reply, by people who wrote none of them.
        const bool ranking_trees = plan.rankings_per_parent != 0;
        struct Ranking {
            std::string parent_id, user_id, json;
            std::int64_t ms;
        };
        std::vector<Ranking> ranking_rows;
        for (size_t p = 0; ranking_trees && p < nodes.size(); ++p) {
            if (nodes[p].children < 2) continue;
            std::vector<size_t> children;
            std::vector<std::string> authors;
            for (size_t c = 0; c < nodes.size(); ++c)
                if (nodes[c].parent == static_cast<int>(p)) {
                    children.push_back(c);
                    authors.push_back(records[c].user_id);
                }
            const int count =
                plan.rankings_per_parent < 0 ? between(0, 2) : plan.rankings_per_parent;
            records[p].ranking_count = count;
            for (int r = 0; r < count; ++r) {
                std::shuffle(children.begin(), children.end(), rng_);
                json order = json::array();
                for (size_t c : children)
                    order.push_back(records[c].id);
                const std::string& ranker = user_other_than(authors);
                authors.push_back(ranker); // nobody ranks the same replies twice
                ranking_rows.push_back({records[p].id, ranker, order.dump(),
                                        records.back().created_ms + (r + 1) * 30 * kMinute});
            }
            if (plan.ranked) {
                std::shuffle(children.begin(), children.end(), rng_);
                for (size_t place = 0; place < children.size(); ++place)
                    records[children[place]].rank = static_cast<int>(place);
            }
        }

        for (const auto& m : records)
            timed("insert_message", [&] { store_->insert_message(m); });
        messages_written += static_cast<long>(records.size());

        TreeRecord t;
        t.id = tree_id;
        t.state = state;
        t.lang = lang;
        t.goal_tree_size = 12;
        t.max_depth = 3;
        t.max_children_count = 3;
        t.origin = "api";
        if (nodes.size() > 1 || state == "growing")
            t.won_prompt_lottery_ms = records[0].created_ms + 3 * 60 * kMinute;
        t.created_ms = created_ms;
        timed("insert_tree", [&] { store_->insert_tree(t); });

        // Task-based reviews: review_count of them per message, never by its author; two of
        // three reviewers call a rejected prompt spam.
        for (size_t i = 0; i < records.size(); ++i) {
            const MessageRecord& m = records[i];
            const bool full = i == 0 || nodes[i].assistant || chance(0.25);
            std::vector<std::string> reviewers = {m.user_id};
            for (int r = 0; r < m.review_count; ++r) {
                const std::string& reviewer = user_other_than(reviewers);
                reviewers.push_back(reviewer);
                const bool spam = nodes[i].review == Review::Rejected && r < 2;
                const std::string labels = label_json(nodes[i].assistant, full, spam);
                timed("insert_labels", [&] {
                    store_->insert_labels(uuid(), m.id, reviewer, uuid(), labels, std::nullopt,
                                          false, m.created_ms + (r + 1) * 20 * kMinute);
                });
                ++labels_written;
            }
        }
        for (const auto& row : ranking_rows) {
            timed("insert_ranking", [&] {
                store_->insert_ranking(uuid(), row.parent_id, row.user_id, uuid(), row.json, false,
                                       row.ms);
            });
            ++rankings_written;
        }
    }

    TreeStore* store_ = nullptr;
    std::mt19937_64& rng_;
    std::string api_client_id_;
    int users_;
    std::int64_t now_ms_;
    std::vector<std::string> user_ids_;
    std::vector<long> authored_; // messages written, by user index
    long frontend_serial_ = 0;
};

struct TreePlan {
    std::string state, lang;
    std::int64_t created_ms;
};

// Which trees to write: a few hundred per language in en and de in each live state (fewer when
// the run is small), the rest finished or aborted over the past year in four languages.
inline std::vector<TreePlan> plan_trees(long trees, std::int64_t now_ms, std::mt19937_64& rng) {
    const double scale = std::min(1.0, static_cast<double>(trees) / 20000.0);
    const std::vector<std::pair<std::string, int>> live = {{"initial_prompt_review", 90},
                                                           {"prompt_lottery_waiting", 200},
                                                           {"growing", 300},
                                                           {"ranking", 200}};
    std::vector<TreePlan> recent;
    for (const char* lang : {"en", "de"})
        for (const auto& [state, count] : live)
            for (int i = 0; i < static_cast<int>(count * scale); ++i)
                recent.push_back({state, lang, 0});
    std::shuffle(recent.begin(), recent.end(), rng);

    const long bulk = std::max(0L, trees - static_cast<long>(recent.size()));
    std::vector<TreePlan> plans;
    std::discrete_distribution<int> state_of({76.5, 21, 2, 0.5});
    const std::array<const char*, 4> states = {"ready_for_export", "aborted_low_grade",
                                               "halted_by_moderator", "scoring_failed"};
    std::discrete_distribution<int> lang_of({60, 25, 10, 5});
    const std::array<const char*, 4> langs = {"en", "de", "es", "fr"};
    for (long i = 0; i < bulk; ++i)
        plans.push_back({states[static_cast<size_t>(state_of(rng))],
                         langs[static_cast<size_t>(lang_of(rng))],
                         now_ms - 365 * kDay + i * (358 * kDay / std::max(1L, bulk))});
    for (size_t i = 0; i < recent.size(); ++i) {
        recent[i].created_ms =
            now_ms - 7 * kDay +
            static_cast<std::int64_t>(i) *
                (6 * kDay / std::max<std::int64_t>(1, static_cast<std::int64_t>(recent.size())));
        plans.push_back(recent[i]);
    }
    return plans;
}

struct GeneratedDatabase {
    std::string api_client_id;
    int users = 0;
    long heaviest_messages = 0; // written by user u0, the most active one
    std::int64_t now = 0;
};

// Writes `trees` trees into dir/orchard.db for the API client of `key`, printing what it takes.
// `cache_mb` > 0 sets the generator's page cache (0: the server's 256 MB).
inline GeneratedDatabase generate_big_db(const std::filesystem::path& dir, const std::string& key,
                                         long trees, long cache_mb = 0) {
    GeneratedDatabase generated;
    const std::filesystem::path file = dir / "orchard.db";
    const int users = static_cast<int>(std::max(200L, trees / 5));
    generated.users = users;
    std::string api_client_id;
    long heaviest_messages = 0;
    const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    generated.now = now;
    std::printf("Generating %ld trees for %d users in %s, page cache %s\n", trees, users,
                dir.c_str(),
                cache_mb > 0 ? (std::to_string(cache_mb) + " MB").c_str() : "the server's 256 MB");
    const auto generation_start = Clock::now();
    {
        auto database = orchard::store::Database::open(file);
        std::mt19937_64 rng(42);
        {
            orchard::store::Database::Transaction transaction(*database);
            // An experiment, not how the server runs: inserts with random UUID keys touch pages
            // all over each index, and a page cache smaller than the indexes turns that into
            // reads and repeated WAL writes of the same pages.
            if (cache_mb > 0)
                orchard::store::execute(
                    transaction.db(),
                    ("PRAGMA cache_size = -" + std::to_string(cache_mb * 1024)).c_str());
            TreeStore store(transaction.db());
            api_client_id = store.find_api_client_by_key_hash(orchard::api::hash_api_key(key))->id;
            transaction.commit();
        }
        auto generator = std::make_unique<Generator>(rng, api_client_id, users, now);
        {
            orchard::store::Database::Transaction transaction(*database);
            TreeStore store(transaction.db());
            generator->use(store);
            generator->insert_users();
            // The server is configured for as many growing trees as there are, so that the
            // lottery has no reason to move trees while we measure.
            store.save_config("max_active_trees", "300");
            transaction.commit();
        }
        const auto plans = plan_trees(trees, now, rng);
        for (size_t first = 0; first < plans.size(); first += kTreesPerTransaction) {
            orchard::store::Database::Transaction transaction(*database);
            TreeStore store(transaction.db());
            generator->use(store);
            for (size_t i = first; i < std::min(plans.size(), first + kTreesPerTransaction); ++i)
                generator->tree(plans[i].state, plans[i].lang, plans[i].created_ms);
            const auto commit_start = Clock::now();
            transaction.commit();
            generator->seconds["commit"] += milliseconds_since(commit_start) / 1000.0;
            if ((first / kTreesPerTransaction) % 40 == 39)
                std::printf("  %zu trees, %.0f s\n", first + kTreesPerTransaction,
                            milliseconds_since(generation_start) / 1000.0);
        }
        const double took = milliseconds_since(generation_start) / 1000.0;
        std::printf("generated in %.1f s: %ld trees, %ld messages, %ld labels, %ld rankings\n",
                    took, trees, generator->messages_written, generator->labels_written,
                    generator->rankings_written);
        for (const auto& [what, seconds] : generator->seconds) {
            const long calls = generator->calls.count(what) ? generator->calls.at(what) : 0;
            std::printf("  %-16s %8.1f s", what.c_str(), seconds);
            if (calls > 0) std::printf("  %9ld calls, %6.1f us each", calls, seconds * 1e6 / calls);
            std::printf("\n");
        }
        std::string states;
        for (const auto& [state, count] : generator->trees_by_state)
            states += "    " + state + ": " + std::to_string(count) + "\n";
        std::printf("  trees by state and language:\n%s", states.c_str());
        heaviest_messages = generator->authored_by(0);
        std::printf("  messages per user: median %ld, most active user %ld\n",
                    generator->median_authored(), heaviest_messages);
        std::printf("database size before close: %.1f MB + %.1f MB -wal\n", file_mb(file),
                    file_mb(dir / "orchard.db-wal"));
    }
    std::printf("database size after close (WAL checkpointed): %.1f MB + %.1f MB -wal\n",
                file_mb(file), file_mb(dir / "orchard.db-wal"));
    generated.api_client_id = api_client_id;
    generated.heaviest_messages = heaviest_messages;
    return generated;
}

} // namespace orchard::bench

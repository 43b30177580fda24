#include "server/domain/labels.h"
#include "server/domain/review.h"
#include "server/domain/weighted_choice.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace orchard::domain;
using Names = std::vector<std::string>;

namespace {

constexpr int draws = 100'000;
// With 100,000 draws a share's standard deviation is at most 0.16 points, so ±1.5 points is about
// nine of them: a correct sampler does not fail by chance, while a wrong weight shows.
constexpr double tolerance = 0.015;

// A review from its spam and lang_mismatch values, as the tree manager would load it.
ReviewLabels review(double spam, double lang_mismatch) {
    return {spam, lang_mismatch};
}

std::vector<ReviewLabels> reviews(const std::vector<double>& spam,
                                  const std::vector<double>& lang_mismatch) {
    std::vector<ReviewLabels> result;
    for (std::size_t i = 0; i < spam.size(); ++i)
        result.push_back(review(spam[i], lang_mismatch[i]));
    return result;
}

std::optional<LabelError> validate_for(LabeledRole role, LabelMode mode,
                                       const std::map<std::string, double>& labels) {
    return validate_labels(labels, valid_labels(role, mode), mandatory_labels(role, mode));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Labels

TEST_CASE("domain: the catalogue holds every label of PROTOCOL.md §4, in table order") {
    Names names;
    for (const auto& label : all_labels())
        names.push_back(label.name);
    CHECK(names == Names{"spam", "fails_task", "lang_mismatch", "pii", "not_appropriate",
                         "hate_speech", "sexual_content", "moral_judgement", "political_content",
                         "quality", "toxicity", "humor", "helpfulness", "creativity", "violence"});

    for (const auto& label : all_labels()) {
        INFO(label.name);
        CHECK_FALSE(label.display_text.empty());
        CHECK_FALSE(label.help_text.empty());
        // Only these two are shown the other way round; their value still means "more of it".
        CHECK(label.inverted_display == (label.name == "toxicity" || label.name == "violence"));
    }
}

TEST_CASE("domain: each label has the widget of PROTOCOL.md §4") {
    const std::map<std::string, std::string> widgets = {{"spam", "yes_no"},
                                                        {"fails_task", "yes_no"},
                                                        {"lang_mismatch", "flag"},
                                                        {"pii", "flag"},
                                                        {"not_appropriate", "flag"},
                                                        {"hate_speech", "flag"},
                                                        {"sexual_content", "flag"},
                                                        {"moral_judgement", "flag"},
                                                        {"political_content", "flag"},
                                                        {"quality", "likert"},
                                                        {"toxicity", "likert"},
                                                        {"humor", "likert"},
                                                        {"helpfulness", "likert"},
                                                        {"creativity", "likert"},
                                                        {"violence", "likert"}};
    for (const auto& [name, widget] : widgets) {
        INFO(name);
        const LabelDefinition* label = find_label(name);
        REQUIRE(label != nullptr);
        CHECK(label->name == name);
        CHECK(std::string(to_string(label->widget)) == widget);
    }
    CHECK(find_label("profanity") == nullptr);
    CHECK(find_label("") == nullptr);
    CHECK(find_label("Spam") == nullptr); // wire names are exact
    CHECK(find_label("spam")->display_text == "Is this spam?");
}

TEST_CASE("domain: full label tasks offer the label sets of PROTOCOL.md §4") {
    const Names prompt_set = {"spam",  "lang_mismatch", "quality",       "creativity",
                              "humor", "toxicity",      "violence",      "not_appropriate",
                              "pii",   "hate_speech",   "sexual_content"};
    CHECK(valid_labels(LabeledRole::InitialPrompt, LabelMode::Full) == prompt_set);
    CHECK(valid_labels(LabeledRole::PrompterReply, LabelMode::Full) == prompt_set);
    CHECK(valid_labels(LabeledRole::AssistantReply, LabelMode::Full) ==
          Names{"spam", "lang_mismatch", "fails_task", "quality", "helpfulness", "creativity",
                "humor", "toxicity", "violence", "not_appropriate", "pii", "hate_speech",
                "sexual_content"});
}

TEST_CASE("domain: simple label tasks offer spam and lang_mismatch, plus quality for replies") {
    CHECK(valid_labels(LabeledRole::InitialPrompt, LabelMode::Simple) ==
          Names{"spam", "lang_mismatch"});
    CHECK(valid_labels(LabeledRole::PrompterReply, LabelMode::Simple) ==
          Names{"spam", "lang_mismatch", "quality"});
    CHECK(valid_labels(LabeledRole::AssistantReply, LabelMode::Simple) ==
          Names{"spam", "lang_mismatch", "quality"});
}

TEST_CASE("domain: spam is mandatory on every label task, and every offered label is known") {
    for (const auto role :
         {LabeledRole::InitialPrompt, LabeledRole::PrompterReply, LabeledRole::AssistantReply}) {
        for (const auto mode : {LabelMode::Simple, LabelMode::Full}) {
            CHECK(mandatory_labels(role, mode) == Names{"spam"});
            for (const auto& name : valid_labels(role, mode)) {
                INFO(name);
                CHECK(find_label(name) != nullptr);
            }
        }
    }
}

TEST_CASE("domain: report labels are the reportable flags plus spam") {
    CHECK(report_labels() == Names{"lang_mismatch", "not_appropriate", "pii", "hate_speech",
                                   "sexual_content", "moral_judgement", "political_content",
                                   "spam"});
    for (const auto& name : report_labels()) {
        INFO(name);
        REQUIRE(find_label(name) != nullptr);
        if (name != "spam") CHECK(find_label(name)->widget == LabelWidget::Flag);
    }
}

TEST_CASE("domain: well-formed labels pass validation") {
    CHECK_FALSE(validate_for(LabeledRole::InitialPrompt, LabelMode::Simple, {{"spam", 0}}));
    CHECK_FALSE(validate_for(LabeledRole::InitialPrompt, LabelMode::Simple,
                             {{"spam", 1}, {"lang_mismatch", 1}}));
    CHECK_FALSE(validate_for(LabeledRole::AssistantReply, LabelMode::Full,
                             {{"spam", 0},
                              {"fails_task", 0},
                              {"quality", 0.75},
                              {"helpfulness", 1},
                              {"toxicity", 0},
                              {"violence", 0.25},
                              {"pii", 0}}));
    // Floats that went through JSON are a hair off a likert step; they still count as that step.
    CHECK_FALSE(validate_for(LabeledRole::PrompterReply, LabelMode::Simple,
                             {{"spam", 0}, {"quality", 0.25 + 1e-9}}));
    // Only likert labels are restricted to steps; yes/no and flags just need [0,1].
    CHECK_FALSE(validate_for(LabeledRole::PrompterReply, LabelMode::Simple, {{"spam", 0.5}}));
}

TEST_CASE("domain: an unknown or unoffered label is invalid (2051) and named") {
    auto error =
        validate_for(LabeledRole::InitialPrompt, LabelMode::Full, {{"spam", 0}, {"profanity", 1}});
    REQUIRE(error);
    CHECK(error->code == 2051);
    CHECK_THAT(error->message, Catch::Contains("'profanity'"));

    // fails_task exists, but only assistant replies are asked about it.
    error =
        validate_for(LabeledRole::PrompterReply, LabelMode::Full, {{"spam", 0}, {"fails_task", 1}});
    REQUIRE(error);
    CHECK(error->code == 2051);
    CHECK_THAT(error->message, Catch::Contains("'fails_task'"));
}

TEST_CASE("domain: a value outside [0,1] or not a number is invalid (2051)") {
    for (const double value :
         {1.5, -0.1, std::numeric_limits<double>::quiet_NaN(),
          std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
        INFO(value);
        const auto error = validate_for(LabeledRole::InitialPrompt, LabelMode::Simple,
                                        {{"spam", 0}, {"lang_mismatch", value}});
        REQUIRE(error);
        CHECK(error->code == 2051);
        CHECK_THAT(error->message, Catch::Contains("'lang_mismatch'"));
    }
    const auto error = validate_for(LabeledRole::InitialPrompt, LabelMode::Simple, {{"spam", 1.5}});
    REQUIRE(error);
    CHECK_THAT(error->message, Catch::Contains("1.5"));
}

TEST_CASE("domain: a likert value between steps is invalid (2051)") {
    for (const double value : {0.3, 0.1, 0.9, 0.25 + 1e-4}) {
        INFO(value);
        const auto error = validate_for(LabeledRole::PrompterReply, LabelMode::Full,
                                        {{"spam", 0}, {"quality", value}});
        REQUIRE(error);
        CHECK(error->code == 2051);
        CHECK_THAT(error->message, Catch::Contains("'quality'"));
    }
}

TEST_CASE("domain: a missing mandatory label is 2052, checked after invalid labels") {
    auto error = validate_for(LabeledRole::AssistantReply, LabelMode::Full, {{"quality", 0.5}});
    REQUIRE(error);
    CHECK(error->code == 2052);
    CHECK_THAT(error->message, Catch::Contains("'spam'"));

    error = validate_for(LabeledRole::AssistantReply, LabelMode::Full, {});
    REQUIRE(error);
    CHECK(error->code == 2052);

    // Both wrong: the bad value is the more specific complaint.
    error = validate_for(LabeledRole::AssistantReply, LabelMode::Full, {{"quality", 0.3}});
    REQUIRE(error);
    CHECK(error->code == 2051);
}

// ---------------------------------------------------------------------------------------------
// Review acceptance

TEST_CASE("domain: acceptance is 1 minus mean spam minus mean lang_mismatch") {
    CHECK(acceptance({}) == 1.0);
    CHECK(acceptance(reviews({0, 0, 1}, {0, 0, 0})) == Approx(2.0 / 3.0));
    CHECK(acceptance(reviews({1, 0, 1}, {0, 0, 0})) == Approx(1.0 / 3.0));
    CHECK(acceptance(reviews({0, 0, 0}, {0, 1, 0})) == Approx(2.0 / 3.0));
    CHECK(acceptance(reviews({0.5, 0}, {0.5, 0})) == Approx(0.5));
    // Spam and wrong language at once would go below 0; it is clamped.
    CHECK(acceptance(reviews({1, 1, 1}, {1, 1, 1})) == 0.0);
}

TEST_CASE("domain: a missing label counts as 0 in acceptance") {
    CHECK(acceptance({ReviewLabels{1.0, std::nullopt}, ReviewLabels{std::nullopt, std::nullopt}}) ==
          Approx(0.5));
    CHECK(acceptance({ReviewLabels{}, ReviewLabels{}, ReviewLabels{}}) == 1.0);
    CHECK(acceptance({ReviewLabels{std::numeric_limits<double>::quiet_NaN(), 0.0},
                      ReviewLabels{1.0, 0.0}}) == Approx(0.5));
}

TEST_CASE("domain: review outcome waits for N reviews, then needs acceptance above threshold") {
    // 1 - 1/3 = 0.6667 > 0.6
    CHECK(review_outcome(reviews({0, 0, 1}, {0, 0, 0}), 3, 0.6) == ReviewOutcome::Accepted);
    // 1 - 2/3 = 0.3333
    CHECK(review_outcome(reviews({1, 0, 1}, {0, 0, 0}), 3, 0.6) == ReviewOutcome::Rejected);
    // Two of three reviews: no decision yet, however clear they are.
    CHECK(review_outcome(reviews({0, 0}, {0, 0}), 3, 0.6) == ReviewOutcome::Pending);
    CHECK(review_outcome(reviews({1, 1}, {1, 1}), 3, 0.6) == ReviewOutcome::Pending);
    CHECK(review_outcome({}, 3, 0.6) == ReviewOutcome::Pending);
    // More reviews than required still decide.
    CHECK(review_outcome(reviews({0, 0, 0, 1}, {0, 0, 0, 0}), 3, 0.6) == ReviewOutcome::Accepted);
}

TEST_CASE("domain: acceptance exactly at the threshold is rejected") {
    // Values exactly representable in binary, so the comparison is really "equal": 1 - 0.25.
    const auto at_threshold = reviews({0.25, 0.25, 0.25}, {0, 0, 0});
    REQUIRE(acceptance(at_threshold) == 0.75);
    CHECK(review_outcome(at_threshold, 3, 0.75) == ReviewOutcome::Rejected);
    CHECK(review_outcome(at_threshold, 3, 0.74) == ReviewOutcome::Accepted);
    CHECK(review_outcome(reviews({0, 0, 0}, {0, 0, 0}), 3, 1.0) == ReviewOutcome::Rejected);
}

// ---------------------------------------------------------------------------------------------
// Weighted choices

TEST_CASE("domain: weighted_index never picks a weight that is not positive") {
    std::mt19937_64 rng(42);
    const std::vector<double> weights = {
        0.0, 3.0, -1.0, 0.0, 1.0, std::numeric_limits<double>::quiet_NaN(), 0.0};
    std::array<int, 7> picked{};
    for (int i = 0; i < 10'000; ++i) {
        const auto index = weighted_index(weights, rng);
        REQUIRE(index);
        REQUIRE(*index < weights.size());
        ++picked[*index];
    }
    CHECK(picked[0] == 0);
    CHECK(picked[2] == 0);
    CHECK(picked[3] == 0);
    CHECK(picked[5] == 0);
    CHECK(picked[6] == 0);
    CHECK(picked[1] + picked[4] == 10'000);
    CHECK(picked[1] > picked[4]); // 3:1

    CHECK(weighted_index({}, rng) == std::nullopt);
    CHECK(weighted_index({0.0, -2.0}, rng) == std::nullopt);
    CHECK(weighted_index({0.0, 0.5, 0.0}, rng) == std::optional<std::size_t>{1});
}

TEST_CASE("domain: weighted_index is reproducible with a fixed seed") {
    const std::vector<double> weights = {1.0, 2.0, 0.0, 4.0, 0.5};
    std::mt19937_64 first(2024);
    std::mt19937_64 second(2024);
    std::vector<std::size_t> first_draws;
    std::vector<std::size_t> second_draws;
    for (int i = 0; i < 1000; ++i) {
        first_draws.push_back(*weighted_index(weights, first));
        second_draws.push_back(*weighted_index(weights, second));
    }
    CHECK(first_draws == second_draws);

    std::mt19937_64 other(2025);
    std::vector<std::size_t> other_draws;
    for (int i = 0; i < 1000; ++i)
        other_draws.push_back(*weighted_index(weights, other));
    CHECK(other_draws != first_draws);
}

TEST_CASE("domain: weighted_index handles weights whose sum would overflow") {
    std::mt19937_64 rng(7);
    const double huge = std::numeric_limits<double>::max();
    std::array<int, 2> picked{};
    for (int i = 0; i < 10'000; ++i)
        ++picked[*weighted_index({huge, huge}, rng)];
    CHECK(picked[0] / 10'000.0 == Approx(0.5).margin(tolerance * 2));
}

TEST_CASE("domain: random task kinds follow the weights 10, 5, 5, 2, 0.01") {
    const std::map<TaskKind, long> all_available = {{TaskKind::Ranking, 4},
                                                    {TaskKind::LabelReply, 1},
                                                    {TaskKind::LabelPrompt, 7},
                                                    {TaskKind::Reply, 2},
                                                    {TaskKind::InitialPrompt, 1}};
    std::mt19937_64 rng(12345);
    std::map<TaskKind, int> counts;
    for (int i = 0; i < draws; ++i) {
        const auto kind = choose_task_kind(all_available, KindWeights{}, rng);
        REQUIRE(kind);
        ++counts[*kind];
    }
    const double total = 10 + 5 + 5 + 2 + 0.01;
    const auto share = [&](TaskKind kind) { return counts[kind] / static_cast<double>(draws); };
    CHECK(share(TaskKind::Ranking) == Approx(10 / total).margin(tolerance));
    CHECK(share(TaskKind::LabelReply) == Approx(5 / total).margin(tolerance));
    CHECK(share(TaskKind::LabelPrompt) == Approx(5 / total).margin(tolerance));
    CHECK(share(TaskKind::Reply) == Approx(2 / total).margin(tolerance));
    CHECK(share(TaskKind::InitialPrompt) == Approx(0.01 / total).margin(tolerance));
}

TEST_CASE("domain: an unavailable task kind is never chosen") {
    // Ranking, the heaviest kind, has nothing to offer; InitialPrompt is absent from the map.
    const std::map<TaskKind, long> available = {{TaskKind::Ranking, 0},
                                                {TaskKind::LabelReply, 3},
                                                {TaskKind::LabelPrompt, 0},
                                                {TaskKind::Reply, 9}};
    std::mt19937_64 rng(99);
    std::map<TaskKind, int> counts;
    for (int i = 0; i < draws; ++i)
        ++counts[*choose_task_kind(available, KindWeights{}, rng)];
    CHECK(counts[TaskKind::Ranking] == 0);
    CHECK(counts[TaskKind::LabelPrompt] == 0);
    CHECK(counts[TaskKind::InitialPrompt] == 0);
    CHECK(counts[TaskKind::LabelReply] / static_cast<double>(draws) ==
          Approx(5.0 / 7.0).margin(tolerance));
    CHECK(counts[TaskKind::Reply] / static_cast<double>(draws) ==
          Approx(2.0 / 7.0).margin(tolerance));

    // Only initial prompts left: their tiny weight still wins every time.
    CHECK(choose_task_kind({{TaskKind::InitialPrompt, 1}}, KindWeights{}, rng) ==
          TaskKind::InitialPrompt);
    CHECK(choose_task_kind({}, KindWeights{}, rng) == std::nullopt);
    CHECK(choose_task_kind({{TaskKind::Ranking, 0}, {TaskKind::Reply, -1}}, KindWeights{}, rng) ==
          std::nullopt);
    // A kind configured with weight 0 is as good as unavailable.
    KindWeights no_ranking;
    no_ranking.ranking = 0;
    CHECK(choose_task_kind({{TaskKind::Ranking, 5}}, no_ranking, rng) == std::nullopt);
}

TEST_CASE("domain: the prompt lottery weighs authors by 1 + first places") {
    std::mt19937_64 rng(31337);
    std::array<int, 3> picked{};
    for (int i = 0; i < draws; ++i) {
        const auto author = choose_lottery_author({0, 0, 3}, rng);
        REQUIRE(author);
        ++picked[*author];
    }
    CHECK(picked[0] / static_cast<double>(draws) == Approx(1.0 / 6.0).margin(tolerance));
    CHECK(picked[1] / static_cast<double>(draws) == Approx(1.0 / 6.0).margin(tolerance));
    CHECK(picked[2] / static_cast<double>(draws) == Approx(4.0 / 6.0).margin(tolerance));

    CHECK(choose_lottery_author({}, rng) == std::nullopt);
    // Nobody ranked first yet: still everyone has a chance.
    CHECK(choose_lottery_author({0}, rng) == std::optional<std::size_t>{0});
}

TEST_CASE("domain: a negative first-place count weighs like zero in the lottery") {
    std::mt19937_64 rng(5);
    std::array<int, 2> picked{};
    for (int i = 0; i < draws; ++i)
        ++picked[*choose_lottery_author({-5, 0}, rng)];
    CHECK(picked[0] / static_cast<double>(draws) == Approx(0.5).margin(tolerance));
}

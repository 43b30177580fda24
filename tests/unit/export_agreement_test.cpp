// The figures of a release's datasheet and its split, checked against worked examples.
#include "server/export/agreement.h"
#include "server/export/dataset_release.h"

#include <catch2/catch.hpp>
#include <map>

using namespace orchard::exporting;

namespace {

AlphaUnit unit(std::initializer_list<double> values) {
    AlphaUnit u;
    for (double v : values) {
        ++u.count;
        u.sum += v;
        u.squares += v * v;
    }
    return u;
}

} // namespace

TEST_CASE("agreement: Krippendorff's alpha, interval metric, on his worked example") {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": four coders, twelve
    // units (the twelfth has one value and does not count); interval alpha = 0.849.
    const std::vector<AlphaUnit> units = {
        unit({1, 1, 1}),    unit({2, 2, 3, 2}), unit({3, 3, 3, 3}), unit({3, 3, 3, 3}),
        unit({2, 2, 2, 2}), unit({1, 2, 3, 4}), unit({4, 4, 4, 4}), unit({1, 1, 2, 1}),
        unit({2, 2, 2, 2}), unit({5, 5, 5}),    unit({1, 1}),       unit({3}),
    };
    const auto alpha = krippendorff_alpha_interval(units);
    REQUIRE(alpha);
    CHECK(*alpha == Approx(0.849).margin(0.0005));
}

TEST_CASE("agreement: full agreement is 1, systematic disagreement is below 0, no spread says "
          "nothing") {
    CHECK(*krippendorff_alpha_interval({unit({0, 0}), unit({1, 1}), unit({0.5, 0.5})}) ==
          Approx(1));
    CHECK(*krippendorff_alpha_interval({unit({0, 1}), unit({1, 0})}) == Approx(-0.5));
    CHECK_FALSE(krippendorff_alpha_interval({unit({1, 1}), unit({1, 1})}));
    CHECK_FALSE(krippendorff_alpha_interval({unit({1})}));
}

TEST_CASE("agreement: the bootstrap interval holds the estimate, and the sample stays bounded") {
    AlphaSampler sampler(42);
    // Reviewers agree on most messages and disagree by one step on every fifth.
    for (int i = 0; i < 50000; ++i) {
        const double v = (i % 5) / 4.0;
        sampler.add(i % 5 == 0 ? std::vector<double>{v, v + 0.25} : std::vector<double>{v, v});
    }
    const auto estimate = sampler.estimate();
    CHECK(estimate.units == 50000);
    REQUIRE(estimate.alpha);
    REQUIRE(estimate.low);
    REQUIRE(estimate.high);
    CHECK(*estimate.low <= *estimate.alpha);
    CHECK(*estimate.alpha <= *estimate.high);
    CHECK(*estimate.high - *estimate.low < 0.05);
    CHECK(*estimate.alpha > 0.9);
}

TEST_CASE("agreement: Kendall's tau of a ranking against the consensus") {
    CHECK(*kendall_tau({0, 1, 2}) == Approx(1));
    CHECK(*kendall_tau({2, 1, 0}) == Approx(-1));
    CHECK(*kendall_tau({0, 2, 1}) == Approx(1.0 / 3));
    CHECK_FALSE(kendall_tau({0}));
}

TEST_CASE("release: a prompt's text decides its split, about 80/10/10, the same for each seed") {
    std::map<Split, int> counts;
    for (int i = 0; i < 20000; ++i)
        ++counts[split_of("prompt number " + std::to_string(i), 7)];
    CHECK(counts[Split::Train] == Approx(16000).epsilon(0.05));
    CHECK(counts[Split::Validation] == Approx(2000).epsilon(0.1));
    CHECK(counts[Split::Test] == Approx(2000).epsilon(0.1));
    CHECK(split_of("  What is a tree?\n", 7) == split_of("What is a tree?", 7));
    int moved = 0;
    for (int i = 0; i < 1000; ++i)
        moved += split_of("p" + std::to_string(i), 7) != split_of("p" + std::to_string(i), 8);
    CHECK(moved > 100); // another seed, another split
}

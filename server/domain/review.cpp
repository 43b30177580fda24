#include "server/domain/review.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace orchard::domain {

namespace {

double value_or_zero(const std::optional<double>& value) {
    return value.has_value() && std::isfinite(*value) ? *value : 0.0;
}

} // namespace

double acceptance(const std::vector<ReviewLabels>& reviews) {
    if (reviews.empty()) return 1.0;
    double spam_sum = 0.0;
    double lang_mismatch_sum = 0.0;
    for (const auto& review : reviews) {
        spam_sum += value_or_zero(review.spam);
        lang_mismatch_sum += value_or_zero(review.lang_mismatch);
    }
    const auto count = static_cast<double>(reviews.size());
    // Both labels are means of values in [0,1], so their sum can reach 2; the clamp keeps the
    // result a proportion even for a message that is both spam and in the wrong language.
    return std::clamp(1.0 - (spam_sum / count + lang_mismatch_sum / count), 0.0, 1.0);
}

ReviewOutcome review_outcome(const std::vector<ReviewLabels>& reviews, int required_reviews,
                             double threshold) {
    if (static_cast<long long>(reviews.size()) < required_reviews) return ReviewOutcome::Pending;
    return acceptance(reviews) > threshold ? ReviewOutcome::Accepted : ReviewOutcome::Rejected;
}

} // namespace orchard::domain

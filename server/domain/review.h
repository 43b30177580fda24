// Acceptance of a message from its task-based reviews (PROTOCOL.md §5): decides whether a new
// prompt or reply stays in its tree. Pure logic, no storage and no I/O: the tree manager loads the
// spam and lang_mismatch values of the label tasks done on a message and sets its review_result
// from review_outcome (Pending → null, Accepted → true, Rejected → false).
#pragma once

#include <optional>
#include <vector>

namespace orchard::domain {

// The two labels of one review that acceptance looks at. A review that left a label out counts as
// 0 for it, since only spam is mandatory and an unset lang_mismatch flag means "not mismatched".
struct ReviewLabels {
    std::optional<double> spam;
    std::optional<double> lang_mismatch;
};

// 1 − (mean spam + mean lang_mismatch) over the reviews, clamped to [0,1]; 1.0 for no reviews, so
// an unreviewed message is not held against its author. A value that is not a finite number (never
// accepted by validate_labels, but a stored row could be corrupt) counts as 0 like a missing one,
// rather than turning the whole mean into NaN.
double acceptance(const std::vector<ReviewLabels>& reviews);

enum class ReviewOutcome { Pending, Accepted, Rejected };

// Pending while there are fewer than `required_reviews` reviews; then Accepted when acceptance is
// strictly greater than `threshold`, else Rejected (so acceptance exactly at the threshold
// rejects). Reviews beyond the required number still count: the tree manager may decide after more
// arrive.
ReviewOutcome review_outcome(const std::vector<ReviewLabels>& reviews, int required_reviews,
                             double threshold);

} // namespace orchard::domain

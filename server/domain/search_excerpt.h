// A search hit as the explorer shows it: a window of the message's text around the first matched
// word, in pieces, the matched words apart, so that the client can mark them without knowing how
// the search splits words (FTS5's tokenizer folds case and accents).
#pragma once

#include "protocol/explorer.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace orchard::domain {

// The marks FTS5's highlight() is asked to put around each matched word.
inline constexpr char kHitStart = '\x01';
inline constexpr char kHitEnd = '\x02';

// `marked` is a message's text with its matched words between kHitStart and kHitEnd. The window
// starts up to `context_bytes` before the first match (at a space when there is one near) and
// holds at most `max_bytes` of text; "…" stands for what it leaves out. Cuts fall between
// characters.
std::vector<protocol::TextSegment> search_excerpt(std::string_view marked, std::size_t max_bytes,
                                                  std::size_t context_bytes);

} // namespace orchard::domain

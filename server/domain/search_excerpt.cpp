#include "server/domain/search_excerpt.h"

#include "protocol/utf8.h"

#include <algorithm>
#include <string>

namespace orchard::domain {

namespace {

struct Piece {
    std::size_t start, end; // byte offsets in the unmarked text
};

// The unmarked text and where its matched words are.
std::string unmark(std::string_view marked, std::vector<Piece>& hits) {
    std::string text;
    text.reserve(marked.size());
    std::size_t hit_start = 0;
    bool in_hit = false;
    for (char c : marked) {
        if (c == kHitStart && !in_hit) {
            in_hit = true;
            hit_start = text.size();
        } else if (c == kHitEnd && in_hit) {
            in_hit = false;
            if (text.size() > hit_start) hits.push_back({hit_start, text.size()});
        } else {
            text += c;
        }
    }
    if (in_hit && text.size() > hit_start) hits.push_back({hit_start, text.size()});
    return text;
}

// The start of the character that holds byte `at` (continuation bytes are 10xxxxxx).
std::size_t character_start(std::string_view text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
        --at;
    return at;
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

} // namespace

std::vector<protocol::TextSegment> search_excerpt(std::string_view marked, std::size_t max_bytes,
                                                  std::size_t context_bytes) {
    std::vector<Piece> hits;
    const std::string text = unmark(marked, hits);
    std::size_t begin = 0;
    if (!hits.empty() && hits.front().start > context_bytes) {
        begin = character_start(text, hits.front().start - context_bytes);
        // Start at a word when one starts within the context.
        const auto space = text.find_first_of(" \n\t\r", begin);
        if (space != std::string::npos && space < hits.front().start) begin = space + 1;
    }
    const std::string_view window =
        protocol::utf8_prefix(std::string_view(text).substr(begin), max_bytes);
    const std::size_t end = begin + window.size();

    std::vector<protocol::TextSegment> segments;
    const auto add = [&](std::size_t from, std::size_t to, bool hit) {
        if (from >= to) return;
        std::string piece = text.substr(from, to - from);
        if (!hit && !segments.empty() && !segments.back().hit) {
            segments.back().text += piece;
        } else {
            segments.push_back({std::move(piece), hit});
        }
    };
    if (begin > 0) segments.push_back({"…", false});
    std::size_t at = begin;
    for (const auto& hit : hits) {
        if (hit.end <= begin || hit.start >= end) continue;
        const std::size_t from = std::max(hit.start, begin), to = std::min(hit.end, end);
        add(at, from, false);
        add(from, to, true);
        at = to;
    }
    add(at, end, false);
    if (end < text.size()) {
        // Leave a cut word out rather than show half of it.
        if (!segments.empty() && !segments.back().hit) {
            auto& last = segments.back().text;
            const auto space = last.find_last_of(" \n\t\r");
            if (space != std::string::npos && space > 0 && !is_space(text[end])) last.resize(space);
        }
        if (!segments.empty() && !segments.back().hit) {
            segments.back().text += "…";
        } else {
            segments.push_back({"…", false});
        }
    }
    return segments;
}

} // namespace orchard::domain

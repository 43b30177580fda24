#include "server/api/explorer_routes.h"

#include "protocol/explorer.h"
#include "protocol/text.h"
#include "server/api/caller.h"
#include "server/api/permissions.h"
#include "server/api/query_params.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/language_tag.h"
#include "server/domain/message_json.h"
#include "server/domain/message_service.h"
#include "server/domain/search_excerpt.h"
#include "server/domain/tree_manager.h"
#include "server/store/explorer_store.h"
#include "server/store/tree_store.h"

#include <charconv>
#include <string>

namespace orchard::api::explorer {

using domain::DomainError;
using protocol::ErrorCode;

namespace {

constexpr std::size_t kPromptExcerptBytes = 400;
constexpr std::size_t kHitExcerptBytes = 320;
constexpr std::size_t kHitContextBytes = 80;
constexpr std::size_t kMaxQueryBytes = 200;

DomainError bad_cursor() {
    return DomainError(ErrorCode::InvalidCursor, "The cursor is not valid.");
}

std::int64_t cursor_number(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        throw bad_cursor();
    return value;
}

// The language asked for: empty for every language.
std::string lang_query(Call& call) {
    auto lang = text_query(call.request, "lang", domain::kMaxLanguageTagLength + 1).value_or("");
    if (!lang.empty()) domain::check_language_tag(lang, "lang");
    return lang;
}

int page_size(Call& call) {
    return static_cast<int>(int_query(call.request, "max_count", 20, 1, 100));
}

// Other people's labels are shown once the tree no longer asks for them (nobody labels by what
// others said), and always to moderators.
bool labels_settled(const std::string& tree_state) {
    namespace state = domain::tree_state;
    return tree_state != state::kInitialPromptReview &&
           tree_state != state::kPromptLotteryWaiting && tree_state != state::kGrowing;
}

} // namespace

http::Response trees(Call& call) {
    const std::string lang = lang_query(call);
    const int limit = page_size(call);
    std::optional<std::pair<std::int64_t, std::string>> before;
    if (auto cursor = text_query(call.request, "before", 100)) {
        const auto colon = cursor->find(':');
        if (colon == std::string::npos || colon + 1 == cursor->size()) throw bad_cursor();
        before = {cursor_number(std::string_view(*cursor).substr(0, colon)),
                  cursor->substr(colon + 1)};
    }
    store::ExplorerStore store(call.store().statements());
    const auto rows = store.recent_trees(lang, limit, before);
    protocol::TreePage page;
    for (const auto& row : rows)
        page.items.push_back({row.tree.id, row.tree.state, row.tree.lang,
                              domain::iso8601(row.tree.created_ms), row.message_count,
                              protocol::excerpt(row.prompt.text, kPromptExcerptBytes)});
    if (static_cast<int>(rows.size()) == limit)
        page.next = std::to_string(rows.back().tree.created_ms) + ":" + rows.back().tree.id;
    return http::Response::json(200, protocol::to_json(page));
}

http::Response search(Call& call) {
    const std::string query =
        protocol::trim(text_query(call.request, "q", kMaxQueryBytes).value_or(""));
    if (!protocol::has_content(query))
        throw domain::bad_input("q needs at least one word to search for.");
    const std::string lang = lang_query(call);
    const int limit = page_size(call);
    std::optional<std::int64_t> before;
    if (auto cursor = text_query(call.request, "before", 30)) before = cursor_number(*cursor);
    store::ExplorerStore store(call.store().statements());
    const auto rows = store.search(query, lang, limit, before);
    protocol::SearchPage page;
    for (const auto& row : rows)
        page.items.push_back(
            {row.message.id, row.message.tree_id, row.message.role, row.message.lang,
             domain::iso8601(row.message.created_ms),
             domain::search_excerpt(row.marked_text, kHitExcerptBytes, kHitContextBytes)});
    if (static_cast<int>(rows.size()) == limit) page.next = std::to_string(rows.back().seq);
    return http::Response::json(200, protocol::to_json(page));
}

http::Response details(Call& call) {
    store::TreeStore& tree_store = call.store();
    const bool moderator = is_moderator(call.caller);
    // A deleted message is one that never existed, but to moderators (as GET /messages/{id}).
    const store::MessageRecord message = domain::MessageService(tree_store, call.config(), call.now)
                                             .get(call.param("message_id"), moderator);
    const auto tree = tree_store.find_tree(message.tree_id);
    store::ExplorerStore store(tree_store.statements());
    // Who reads: the named user if any, else nobody in particular (as GET /messages/{id}).
    const std::string viewer = user_id_of(call.caller).value_or("");
    const auto shown = domain::conversation_message(
        message, viewer, tree_store.user_emojis(message.id, viewer), moderator);

    protocol::MessageDetails details;
    details.message_id = message.id;
    details.message_tree_id = message.tree_id;
    details.tree_state = tree ? tree->state : "";
    details.author_display_name = store.display_name(message.user_id).value_or("");
    details.role = message.role;
    details.lang = message.lang;
    details.created_date = domain::iso8601(message.created_ms);
    if (message.rank) details.rank = *message.rank;
    details.review_result = message.review_result;
    details.review_count = message.review_count;
    details.ranking_count = message.ranking_count;
    details.labels_shown = moderator || labels_settled(details.tree_state);
    if (details.labels_shown)
        for (const auto& [name, mean] : store.label_means(message.id))
            details.labels[name] = {mean.value, mean.count};
    details.emojis = shown.emojis;
    details.user_emojis = shown.user_emojis;
    details.user_is_author = shown.user_is_author;
    return http::Response::json(200, protocol::to_json(details));
}

} // namespace orchard::api::explorer

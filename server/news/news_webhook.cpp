#include "server/news/news_webhook.h"

#include "server/api/stored_config.h"
#include "server/domain/ids.h"
#include "server/domain/rewards.h"
#include "server/store/ledger_store.h"
#include "server/store/news_store.h"
#include "server/store/statement.h"

namespace orchard::news {

namespace {

constexpr const char* kCursorKey = "webhook_cursor";

} // namespace

std::unique_ptr<WebhookSender> start_news_webhook(store::Database& database,
                                                  WebhookOptions options) {
    std::int64_t start_after = 0;
    database.write([&](store::StatementCache& statements) {
        // First start: only news from now on, not the whole history.
        const auto saved = store::LedgerStore(statements).state(kCursorKey);
        start_after = saved ? std::stoll(*saved) : store::NewsStore(statements).newest_id();
    });
    auto source = [&database](std::int64_t after_id, int limit) {
        std::vector<NewsPost> posts;
        database.write([&](store::StatementCache& statements) {
            store::TreeStore trees(statements);
            const auto config = api::load_config(trees);
            domain::Rewards rewards(statements, config, domain::now_ms());
            for (const auto& row : store::NewsStore(statements).oldest_after(after_id, limit))
                posts.push_back({row.id, rewards.news_text(row)});
        });
        return posts;
    };
    return std::make_unique<WebhookSender>(std::move(options), source, start_after);
}

void save_news_webhook_cursor(store::Database& database, std::int64_t cursor) {
    database.write([&](store::StatementCache& statements) {
        store::LedgerStore(statements).set_state(kCursorKey, std::to_string(cursor));
    });
}

} // namespace orchard::news

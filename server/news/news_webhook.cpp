#include "server/news/news_webhook.h"

#include "server/api/stored_config.h"
#include "server/domain/ids.h"
#include "server/domain/rewards.h"
#include "server/store/ledger_store.h"
#include "server/store/news_store.h"
#include "server/store/statement.h"

#include <random>
#include <sstream>

namespace orchard::news {

namespace {

constexpr const char* kCursorKey = "webhook_cursor";
constexpr const char* kLeaseKey = "webhook_sender"; // "<holder> <until_ms>"

struct Lease {
    std::string holder;
    std::int64_t until_ms = 0;
};

Lease read_lease(store::LedgerStore& ledger) {
    Lease lease;
    if (const auto saved = ledger.state(kLeaseKey))
        std::istringstream(*saved) >> lease.holder >> lease.until_ms;
    return lease;
}

// Takes or renews the lease for `holder`, unless another holds it still; says whether it did.
bool claim(store::LedgerStore& ledger, const std::string& holder, std::int64_t now_ms) {
    const Lease lease = read_lease(ledger);
    if (lease.holder != holder && lease.until_ms > now_ms) return false;
    ledger.set_state(kLeaseKey, holder + " " + std::to_string(now_ms + kSenderLease.count()));
    return true;
}

std::int64_t stored_cursor(store::StatementCache& statements) {
    const auto saved = store::LedgerStore(statements).state(kCursorKey);
    return saved ? std::stoll(*saved) : 0;
}

std::string random_holder() {
    std::random_device random;
    std::ostringstream name;
    name << std::hex << random() << random();
    return name.str();
}

} // namespace

NewsWebhook::NewsWebhook(store::Database& database, WebhookOptions options)
    : database_(database), holder_(random_holder()) {
    std::int64_t start_after = 0;
    database_.write([&](store::StatementCache& statements) {
        store::LedgerStore ledger(statements);
        // First start of any server: only news from now on, not the whole history.
        if (!ledger.state(kCursorKey))
            ledger.set_state(kCursorKey, std::to_string(store::NewsStore(statements).newest_id()));
        start_after = stored_cursor(statements);
    });
    // The cursor is read from the database at every look, not the sender's own: another server
    // may have sent items since this one last held the lease.
    auto source = [this](std::int64_t, int limit) {
        std::vector<NewsPost> posts;
        database_.write([&](store::StatementCache& statements) {
            store::LedgerStore ledger(statements);
            const std::int64_t now = domain::now_ms();
            if (!claim(ledger, holder_, now)) return;
            store::TreeStore trees(statements);
            const auto config = api::load_config(trees);
            domain::Rewards rewards(statements, config, now);
            for (const auto& row :
                 store::NewsStore(statements).oldest_after(stored_cursor(statements), limit))
                posts.push_back({row.id, rewards.news_text(row)});
        });
        return posts;
    };
    auto handled = [this](std::int64_t id) {
        database_.write([&](store::StatementCache& statements) {
            store::LedgerStore ledger(statements);
            // Lost meanwhile (a send slower than the lease): the new holder resumes from the
            // cursor as it was, so this item is sent twice, which at least once allows.
            if (!claim(ledger, holder_, domain::now_ms())) return;
            if (id > stored_cursor(statements)) ledger.set_state(kCursorKey, std::to_string(id));
        });
    };
    sender_ = std::make_unique<WebhookSender>(std::move(options), source, start_after, handled);
}

NewsWebhook::~NewsWebhook() {
    sender_.reset();
    try {
        database_.write([&](store::StatementCache& statements) {
            store::LedgerStore ledger(statements);
            if (read_lease(ledger).holder == holder_) ledger.set_state(kLeaseKey, holder_ + " 0");
        });
    } catch (const std::exception& error) {
        std::fprintf(stderr, "orchard: news webhook: cannot give up the lease: %s\n", error.what());
    }
}

} // namespace orchard::news

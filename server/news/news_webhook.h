// The news feed's outgoing webhook for a running server: a WebhookSender that reads the news
// table after the cursor kept in the database. Several servers on one database (PostgreSQL) each
// run one, but only the holder of a lease, also kept there, sends: one sender, and when it dies
// another takes over from the saved cursor once the lease runs out (at least once, never lost).
#pragma once

#include "server/news/webhook_sender.h"
#include "server/store/database.h"

#include <chrono>
#include <memory>

namespace orchard::news {

// How long a sender's claim lasts without being renewed; it renews it at every look for news
// (every poll interval at least) and every item it sends.
inline constexpr std::chrono::milliseconds kSenderLease{15000};

class NewsWebhook {
  public:
    NewsWebhook(store::Database& database, WebhookOptions options);
    ~NewsWebhook(); // stops sending and gives the lease up, for another server or the next start

    void notify() { sender_->notify(); }

  private:
    store::Database& database_;
    std::string holder_; // this server's name for the lease
    std::unique_ptr<WebhookSender> sender_;
};

} // namespace orchard::news

// The news feed's outgoing webhook for a running server: a WebhookSender that reads the news
// table, resuming after the last item it handled before the server last stopped.
#pragma once

#include "server/news/webhook_sender.h"
#include "server/store/database.h"

#include <memory>

namespace orchard::news {

std::unique_ptr<WebhookSender> start_news_webhook(store::Database& database,
                                                  WebhookOptions options);
// Remembers where the sender got to (WebhookSender::cursor), for the next start.
void save_news_webhook_cursor(store::Database& database, std::int64_t cursor);

} // namespace orchard::news

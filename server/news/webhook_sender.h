// Posts news to a Discord-compatible webhook from a thread of its own, so that the request that
// published the news never waits for (or fails because of) someone else's server. Items are read
// from the database after a cursor and sent in order; each gets a bounded number of attempts, so
// one that a receiver keeps refusing is dropped instead of holding back the ones after it.
#pragma once

#include "server/http/outgoing_client.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace orchard::news {

struct NewsPost {
    std::int64_t id;
    std::string text; // human-readable
};

struct WebhookOptions {
    std::string url;                         // http:// or https://
    bool allow_private = false;              // see address_policy.h
    std::chrono::milliseconds timeout{5000}; // to connect, and for each read or write
    int max_attempts = 5;                    // per item; then it is dropped and counted as failed
    std::chrono::milliseconds first_retry_delay{1000}; // doubles with each retry
    std::chrono::milliseconds poll_interval{5000};     // looks for news without a notify() too
};

// The JSON body for one item: Discord's `content` (cut to its 2,000 characters), a fixed
// username, and no mentions, so that news text saying "@everyone" pings nobody.
std::string webhook_payload(const std::string& text);

class WebhookSender {
  public:
    // News items with id > after_id, oldest first, at most `limit`. Runs on the sender's thread;
    // may throw (the database is busy, say), and is then asked again later.
    using Source = std::function<std::vector<NewsPost>(std::int64_t after_id, int limit)>;

    // Told of each item delivered or given up on, in order, on the sender's thread: where the
    // next reader must resume (the database's cursor). If it throws, the item may be sent again.
    using Handled = std::function<void(std::int64_t id)>;

    WebhookSender(WebhookOptions options, Source source, std::int64_t start_after_id,
                  Handled handled = nullptr);
    ~WebhookSender(); // promptly, even in a retry wait or a request in progress
    WebhookSender(const WebhookSender&) = delete;
    WebhookSender& operator=(const WebhookSender&) = delete;

    // New items may exist. Only wakes the thread: no I/O, no waiting.
    void notify();

    std::int64_t delivered() const { return delivered_; }
    std::int64_t failed() const { return failed_; }
    // The id of the last item delivered or given up on (to resume after it next time).
    std::int64_t cursor() const { return cursor_; }

  private:
    struct Attempt;
    void run();
    bool send(const NewsPost& post);                      // false when stopping
    Attempt attempt(const std::string& body, int number); // number counts from 1
    bool pause(std::chrono::milliseconds delay);          // false when stopping
    bool stopping();

    const WebhookOptions options_;
    const Source source_;
    const Handled handled_;
    std::atomic<std::int64_t> cursor_;
    std::atomic<std::int64_t> delivered_{0};
    std::atomic<std::int64_t> failed_{0};
    // The last problem logged of each kind, so that a lasting one is logged once, not per item.
    // Only the thread touches them.
    std::string source_problem_;
    std::string target_problem_;

    std::mutex mutex_;
    std::condition_variable wake_;
    bool notified_ = true; // look once at start
    bool stopping_ = false;
    http::OutgoingClient client_; // the destructor stops its request in progress
    std::thread thread_;
};

} // namespace orchard::news

#include "server/news/webhook_sender.h"

#include "protocol/text.h"
#include "server/news/address_policy.h"
#include "server/version.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace orchard::news {

namespace {

constexpr int kBatch = 20;
constexpr std::size_t kMaxCharacters = 2000; // Discord refuses longer content
// A receiver's Retry-After (or a long backoff) is followed up to this; a bogus one must not park
// the news for days.
constexpr std::chrono::milliseconds kLongestWait = std::chrono::hours(1);

// Retry-After in seconds (Discord sends fractions too); nullopt when absent or an HTTP date.
std::optional<std::chrono::milliseconds> retry_after(const http::OutgoingResponse& response) {
    const std::string value = response.header("Retry-After");
    double seconds = 0;
    const char* end = value.data() + value.size();
    auto [stop, error] = std::from_chars(value.data(), end, seconds);
    if (value.empty() || error != std::errc{} || stop != end || !std::isfinite(seconds) ||
        seconds < 0)
        return std::nullopt;
    const double ms = std::min(seconds * 1000, double(kLongestWait.count()));
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(ms)));
}

} // namespace

std::string webhook_payload(const std::string& text) {
    using nlohmann::json;
    constexpr auto replace = json::error_handler_t::replace;
    // Invalid UTF-8 becomes U+FFFD before the cut, so that the cut counts what the receiver sees.
    const std::string valid = json::parse(json(text).dump(-1, ' ', false, replace));
    const json payload = {{"content", protocol::shorten(valid, kMaxCharacters)},
                          {"username", "Orchard"},
                          {"allowed_mentions", {{"parse", json::array()}}}};
    return payload.dump();
}

// How one attempt went.
struct WebhookSender::Attempt {
    bool delivered = false;
    bool refused = false; // by the address policy, lastingly: not worth retrying
    std::string problem;
    std::optional<std::chrono::milliseconds> retry_after; // asked for by the receiver
};

WebhookSender::WebhookSender(WebhookOptions options, Source source, std::int64_t start_after_id,
                             Handled handled)
    : options_(std::move(options)), source_(std::move(source)), handled_(std::move(handled)),
      cursor_(start_after_id), thread_([this] { run(); }) {}

WebhookSender::~WebhookSender() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    // A request in progress fails now instead of at its timeout (but a connect in progress still
    // ends only at its timeout; see OutgoingClient::stop).
    client_.stop();
    wake_.notify_all();
    thread_.join();
}

void WebhookSender::notify() {
    {
        std::lock_guard lock(mutex_); // held by the thread only to read or set flags
        notified_ = true;
    }
    wake_.notify_all();
}

bool WebhookSender::stopping() {
    std::lock_guard lock(mutex_);
    return stopping_;
}

bool WebhookSender::pause(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    // notify() does not end a retry wait: new items queue behind the one being retried.
    return !wake_.wait_for(lock, delay, [this] { return stopping_; });
}

void WebhookSender::run() {
    while (true) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, options_.poll_interval, [this] { return stopping_ || notified_; });
            if (stopping_) return;
            notified_ = false;
        }
        std::vector<NewsPost> posts;
        try {
            posts = source_(cursor_, kBatch);
            source_problem_.clear();
        } catch (const std::exception& error) {
            // Read again at the next notify() or poll.
            if (source_problem_ != error.what())
                std::fprintf(stderr, "orchard: news webhook: cannot read the news: %s\n",
                             error.what());
            source_problem_ = error.what();
            continue;
        } catch (...) {
            if (source_problem_.empty())
                std::fprintf(stderr, "orchard: news webhook: cannot read the news\n");
            source_problem_ = "unknown";
            continue;
        }
        for (const auto& post : posts) {
            if (!send(post)) return;
            cursor_ = post.id;
            if (!handled_) continue;
            try {
                handled_(post.id);
            } catch (const std::exception& error) {
                // Sent again by whoever reads the cursor next: at least once, never lost.
                std::fprintf(stderr, "orchard: news webhook: cannot save where it got to: %s\n",
                             error.what());
            }
        }
        if (posts.size() == std::size_t(kBatch)) {
            std::lock_guard lock(mutex_); // more may be waiting
            notified_ = true;
        }
    }
}

bool WebhookSender::send(const NewsPost& post) {
    const std::string body = webhook_payload(post.text);
    const int attempts = std::max(1, options_.max_attempts);
    std::string problem;
    for (int number = 1; number <= attempts; ++number) {
        const Attempt outcome = attempt(body, number);
        if (outcome.delivered) {
            ++delivered_;
            target_problem_.clear();
            return true;
        }
        if (outcome.refused) {
            if (target_problem_ != outcome.problem)
                std::fprintf(stderr, "orchard: news webhook refused: %s\n",
                             outcome.problem.c_str());
            target_problem_ = outcome.problem;
            ++failed_;
            return true;
        }
        problem = outcome.problem;
        if (number == attempts) break;
        const auto backoff =
            options_.first_retry_delay * (std::int64_t(1) << std::min(number - 1, 20));
        if (!pause(std::min(outcome.retry_after.value_or(backoff), kLongestWait))) return false;
    }
    if (stopping()) return false; // the last attempt was cut short, not failed
    std::fprintf(stderr, "orchard: news webhook: news %lld dropped after %d attempts: %s\n",
                 static_cast<long long>(post.id), attempts, problem.c_str());
    ++failed_;
    return true;
}

WebhookSender::Attempt WebhookSender::attempt(const std::string& body, int number) {
    // Checked before every connection: what the name resolves to may have changed.
    auto checked = check_target(options_.url, options_.allow_private);
    if (auto* refusal = std::get_if<Refusal>(&checked))
        return {.refused = !refusal->transient, .problem = refusal->reason};
    const auto& target = std::get<WebhookTarget>(checked);
    // An IPv6 literal goes back into brackets.
    const std::string host =
        target.host.find(':') == std::string::npos ? target.host : "[" + target.host + "]";
    // Connect to an address just checked, not to whatever the name resolves to a moment later
    // (DNS rebinding); the name still goes into Host, SNI and the certificate check. Retries take
    // the addresses in turn, in case one of them is unreachable. Redirects stay unfollowed: a 3xx
    // could point past the address check.
    const http::OutgoingRequest request{
        .method = "POST",
        .url = std::string(target.https ? "https://" : "http://") + host + ":" +
               std::to_string(target.port) + target.path,
        .headers = {{"User-Agent", std::string("Orchard/") + kVersion}},
        .body = body,
        .content_type = "application/json",
        .timeout = options_.timeout,
        .connect_to = target.addresses[std::size_t(number - 1) % target.addresses.size()]};
    const auto sent = client_.send(request);
    if (auto* failure = std::get_if<std::string>(&sent))
        return {.problem = "no answer (" + *failure + ")"};
    const auto& result = std::get<http::OutgoingResponse>(sent);
    if (result.status >= 200 && result.status < 300) return {.delivered = true};
    Attempt failed{.problem = "answered " + std::to_string(result.status)};
    if (result.status == 429) failed.retry_after = retry_after(result);
    return failed;
}

} // namespace orchard::news

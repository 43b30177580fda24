#include "server/news/webhook_sender.h"
#include "tests/support/background_listen.h"

#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;
using orchard::news::NewsPost;
using orchard::news::webhook_payload;
using orchard::news::WebhookOptions;
using orchard::news::WebhookSender;
using Clock = std::chrono::steady_clock;

namespace {

// A webhook receiver on a free loopback port. `answer(n, body, response)` answers the n-th
// request (from 1), 204 without it; with `hang`, requests are held until the receiver closes.
class Receiver {
  public:
    using Answer = std::function<void(int, const std::string&, httplib::Response&)>;
    explicit Receiver(Answer answer = {}, bool hang = false) : answer_(std::move(answer)) {
        server_.Post("/hook",
                     [this, hang](const httplib::Request& request, httplib::Response& response) {
                         std::unique_lock lock(mutex_);
                         bodies_.push_back(request.body);
                         content_types_.push_back(request.get_header_value("Content-Type"));
                         const int number = static_cast<int>(bodies_.size());
                         if (hang) closing_changed_.wait(lock, [this] { return closing_; });
                         lock.unlock();
                         if (answer_)
                             answer_(number, request.body, response);
                         else
                             response.status = 204;
                     });
        port_ = server_.bind_to_any_port("127.0.0.1");
        REQUIRE(port_ > 0);
        thread_ = orchard::test::listen_in_background(server_);
    }
    ~Receiver() {
        {
            std::lock_guard lock(mutex_);
            closing_ = true;
        }
        closing_changed_.notify_all();
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
    std::vector<std::string> bodies() {
        std::lock_guard lock(mutex_);
        return bodies_;
    }
    std::vector<std::string> content_types() {
        std::lock_guard lock(mutex_);
        return content_types_;
    }

  private:
    Answer answer_;
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    std::mutex mutex_; // handlers run on the server's threads
    std::condition_variable closing_changed_;
    bool closing_ = false;
    std::vector<std::string> bodies_, content_types_;
};

// The news table, as the sender's source reads it (from the sender's thread).
class Feed {
  public:
    explicit Feed(std::vector<std::string> texts = {}, int failing_reads = 0)
        : failing_reads_(failing_reads) {
        for (auto& text : texts)
            add(std::move(text));
    }
    void add(std::string text) {
        std::lock_guard lock(mutex_);
        posts_.push_back({static_cast<std::int64_t>(posts_.size()) + 1, std::move(text)});
    }
    WebhookSender::Source source() {
        return [this](std::int64_t after_id, int limit) {
            std::lock_guard lock(mutex_);
            if (failing_reads_ > 0 && failing_reads_--)
                throw std::runtime_error("database is locked");
            std::vector<NewsPost> found;
            for (const auto& post : posts_)
                if (post.id > after_id && static_cast<int>(found.size()) < limit)
                    found.push_back(post);
            return found;
        };
    }

  private:
    std::mutex mutex_;
    std::vector<NewsPost> posts_;
    int failing_reads_;
};

WebhookOptions options_for(const std::string& url) {
    WebhookOptions options;
    options.url = url;
    options.allow_private = true; // the receivers are on loopback
    options.first_retry_delay = 10ms;
    options.poll_interval = 60s; // so that only the start and notify() make it look
    return options;
}

// Waits up to 10 s for `done`: long enough for a loaded machine, short enough to fail a test.
template <class Condition> bool eventually(Condition done) {
    for (const auto give_up = Clock::now() + 10s; Clock::now() < give_up;) {
        if (done()) return true;
        std::this_thread::sleep_for(5ms);
    }
    return done();
}

std::string content_of(const std::string& body) {
    return nlohmann::json::parse(body).at("content").get<std::string>();
}

} // namespace

TEST_CASE("webhook payload: Discord's fields, no mentions, content cut to 2000 characters",
          "[webhook]") {
    const auto payload = nlohmann::json::parse(webhook_payload("Hello @everyone"));
    CHECK(payload == nlohmann::json{{"content", "Hello @everyone"},
                                    {"username", "Orchard"},
                                    {"allowed_mentions", {{"parse", nlohmann::json::array()}}}});

    std::string long_text;
    for (int i = 0; i < 2500; ++i)
        long_text += "\xC3\xA9"; // é, two bytes each
    const std::string cut = content_of(webhook_payload(long_text));
    CHECK(cut.size() == 1999 * 2 + 3); // 1,999 é and an ellipsis (three bytes)
    CHECK(cut.ends_with("\xC3\xA9\xE2\x80\xA6"));
    const std::string exact(2000, 'x');
    CHECK(content_of(webhook_payload(exact)) == exact);
    // Invalid UTF-8 is replaced rather than refused by the JSON encoder.
    CHECK(content_of(webhook_payload("a\xFF")) == "a\xEF\xBF\xBD");
}

TEST_CASE("webhook sender: the receiver gets every item in order as JSON", "[webhook]") {
    Receiver receiver;
    Feed feed({"first", "second", "third @here"});
    WebhookSender sender(options_for(receiver.url()), feed.source(), 0);
    REQUIRE(eventually([&] { return sender.delivered() == 3; }));

    feed.add("fourth");
    sender.notify(); // the poll is a minute away: only this can make it look again
    REQUIRE(eventually([&] { return sender.delivered() == 4; }));
    CHECK(sender.failed() == 0);
    CHECK(sender.cursor() == 4);
    const auto bodies = receiver.bodies();
    REQUIRE(bodies.size() == 4);
    CHECK(content_of(bodies[0]) == "first");
    CHECK(content_of(bodies[1]) == "second");
    CHECK(content_of(bodies[2]) == "third @here");
    CHECK(content_of(bodies[3]) == "fourth");
    CHECK(nlohmann::json::parse(bodies[2]) ==
          nlohmann::json::parse(webhook_payload("third @here")));
    for (const auto& type : receiver.content_types())
        CHECK(type == "application/json");
}

TEST_CASE("webhook sender: starts after the given id", "[webhook]") {
    Receiver receiver;
    Feed feed({"old", "new"});
    WebhookSender sender(options_for(receiver.url()), feed.source(), 1);
    REQUIRE(eventually([&] { return sender.delivered() == 1; }));
    REQUIRE(receiver.bodies().size() == 1);
    CHECK(content_of(receiver.bodies()[0]) == "new");
}

TEST_CASE("webhook sender: an item answered 500 twice is delivered on the third attempt",
          "[webhook]") {
    Receiver receiver([](int number, const std::string&, httplib::Response& response) {
        response.status = number <= 2 ? 500 : 204;
    });
    Feed feed({"news"});
    WebhookSender sender(options_for(receiver.url()), feed.source(), 0);
    REQUIRE(eventually([&] { return sender.delivered() == 1; }));
    CHECK(sender.failed() == 0);
    const auto bodies = receiver.bodies();
    REQUIRE(bodies.size() == 3);
    CHECK(bodies[0] == bodies[2]);
}

TEST_CASE("webhook sender: 429 waits as long as Retry-After says, not the backoff", "[webhook]") {
    Receiver receiver([](int number, const std::string&, httplib::Response& response) {
        response.status = number == 1 ? 429 : 200;
        if (number == 1) response.set_header("Retry-After", "0.2");
    });
    Feed feed({"news"});
    auto options = options_for(receiver.url());
    options.first_retry_delay = 1h; // the test would time out if this were the wait
    WebhookSender sender(options, feed.source(), 0);
    REQUIRE(eventually([&] { return sender.delivered() == 1; }));
    CHECK(receiver.bodies().size() == 2);
}

TEST_CASE("webhook sender: an item refused every time is dropped and the next one goes out",
          "[webhook]") {
    Receiver receiver([](int, const std::string& body, httplib::Response& response) {
        response.status = content_of(body) == "bad" ? 400 : 204;
    });
    Feed feed({"bad", "good"});
    auto options = options_for(receiver.url());
    options.max_attempts = 3;
    WebhookSender sender(options, feed.source(), 0);
    REQUIRE(eventually([&] { return sender.delivered() == 1; }));
    CHECK(sender.failed() == 1);
    CHECK(sender.cursor() == 2);
    std::vector<std::string> contents;
    for (const auto& body : receiver.bodies())
        contents.push_back(content_of(body));
    CHECK(contents == std::vector<std::string>{"bad", "bad", "bad", "good"});
}

TEST_CASE("webhook sender: a stuck receiver neither blocks notify() nor the destructor",
          "[webhook]") {
    Receiver receiver({}, true);
    Feed feed({"news"});
    auto options = options_for(receiver.url());
    options.timeout = 60s;
    auto sender = std::make_unique<WebhookSender>(options, feed.source(), 0);
    REQUIRE(eventually([&] { return receiver.bodies().size() == 1; })); // the request hangs now

    // The sender is held for a minute; a notify() that waited for it would take that long.
    auto slowest = Clock::duration::zero();
    for (int i = 0; i < 100; ++i) {
        const auto start = Clock::now();
        sender->notify();
        slowest = std::max(slowest, Clock::now() - start);
    }
    CHECK(slowest < 50ms);
    const auto start = Clock::now();
    sender.reset();
    CHECK(Clock::now() - start < 5s);
}

TEST_CASE("webhook sender: the destructor ends a retry wait", "[webhook]") {
    Receiver receiver(
        [](int, const std::string&, httplib::Response& response) { response.status = 503; });
    Feed feed({"news"});
    auto options = options_for(receiver.url());
    options.first_retry_delay = 1h;
    auto sender = std::make_unique<WebhookSender>(options, feed.source(), 0);
    REQUIRE(eventually([&] { return receiver.bodies().size() == 1; }));
    const auto start = Clock::now();
    sender.reset();
    CHECK(Clock::now() - start < 5s);
}

TEST_CASE("webhook sender: with nothing listening the item fails after its attempts", "[webhook]") {
    // Bound but not listening: connections are refused, and nobody else takes the port.
    const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(socket_fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), length) == 0);
    REQUIRE(::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    const int port = ntohs(address.sin_port);

    Feed feed({"news"});
    auto options = options_for("http://127.0.0.1:" + std::to_string(port) + "/hook");
    options.max_attempts = 2;
    WebhookSender sender(options, feed.source(), 0);
    CHECK(eventually([&] { return sender.failed() == 1; }));
    CHECK(sender.delivered() == 0);
    ::close(socket_fd);
}

TEST_CASE("webhook sender: a loopback URL without allow_private gets nothing", "[webhook]") {
    Receiver receiver;
    Feed feed({"one", "two"});
    auto options = options_for(receiver.url());
    options.allow_private = false;
    WebhookSender sender(options, feed.source(), 0);
    REQUIRE(eventually([&] { return sender.failed() == 2; }));
    CHECK(sender.delivered() == 0);
    CHECK(receiver.bodies().empty());
}

TEST_CASE("webhook sender: a source that throws is read again later", "[webhook]") {
    Receiver receiver;
    Feed feed({"news"}, 2);
    auto options = options_for(receiver.url());
    options.poll_interval = 20ms;
    WebhookSender sender(options, feed.source(), 0);
    REQUIRE(eventually([&] { return sender.delivered() == 1; }));
    CHECK(receiver.bodies().size() == 1);
}

#include "client/app.h"
#include "tests/support/httplib_transport.h"

#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace orchard::client;

TEST_CASE("reconnection waits grow from 1 s and stop at 30 s") {
    CHECK(retry_delay_seconds(1) == 1.0);
    CHECK(retry_delay_seconds(2) == 2.0);
    CHECK(retry_delay_seconds(3) == 4.0);
    CHECK(retry_delay_seconds(6) == 30.0);
    CHECK(retry_delay_seconds(100) == 30.0);
}

TEST_CASE("errors become sentences a person can act on") {
    CHECK(describe(error_from_result(0, "", false)).find("can't be reached") != std::string::npos);
    // Known codes: what happened and what to do next, whatever the server's wording.
    CHECK(describe(
              error_from_result(400, R"({"error_code":1008,"message":"Message too long."})", false))
              .find("Shorten it") != std::string::npos);
    CHECK(describe(error_from_result(429, R"({"error_code":429,"message":"rate"})", false))
              .find("try again in a minute") != std::string::npos);
    // Every code of PROTOCOL.md has the client's own sentence, not the server's English.
    CHECK(describe(error_from_result(400, R"({"error_code":2051,"message":"Invalid label 'x'."})",
                                     false))
              .find("not allowed for this question") != std::string::npos);
    // The generic code and codes newer than the client: the server's own message.
    CHECK(describe(error_from_result(400, R"({"error_code":0,"message":"Name too long."})",
                                     false)) == "Name too long.");
    CHECK(describe(error_from_result(400, R"({"error_code":7777,"message":"Something new."})",
                                     false)) == "Something new.");
    CHECK(describe(error_from_result(502, "<html>bad gateway</html>", false)).find("try again") !=
          std::string::npos);
}

namespace {

// A port on this machine that nothing listens on: requests to it fail at once, as when the
// server is down (a real refused connection, not a fake).
int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    ::close(fd); // bound but never listening, and now closed
    return ntohs(address.sin_port);
}

} // namespace

TEST_CASE("signing in while the server is down keeps the reconnection back-off") {
    orchard::test::HttplibTransport transport("http://127.0.0.1:" + std::to_string(closed_port()));
    ApiClient api(transport);
    MemoryStore storage;
    App app(api, storage, AppOptions{.seed = 1});
    app.start(0);
    REQUIRE(app.state().connection == Connection::Unreachable);
    REQUIRE(app.state().screen == Screen::SignIn);

    // Each sign-in attempt fails on the network; the next health check comes a growing wait
    // after the attempt, never at once (it used to be counted from time 0, so it was overdue
    // and the client asked again every frame).
    const double start = 1000;
    app.login("someone", "a long enough password", start);
    REQUIRE(app.next_wakeup());
    CHECK(*app.next_wakeup() == start + retry_delay_seconds(app.state().failed_attempts));
    CHECK(*app.next_wakeup() > start);

    app.continue_as_guest("Visitor", start + 10);
    CHECK(*app.next_wakeup() == start + 10 + retry_delay_seconds(app.state().failed_attempts));

    app.register_account("someone", "Someone", "a long enough password", start + 20);
    CHECK(*app.next_wakeup() == start + 20 + retry_delay_seconds(app.state().failed_attempts));
    CHECK(app.state().failed_attempts == 4); // start, then three sign-in attempts
    CHECK(retry_delay_seconds(app.state().failed_attempts) == 8.0);
}

TEST_CASE("an embedding host's query: embedded only in a frame, known themes and languages only") {
    const auto options = parse_embed_options("?embed=1&theme=dark&data_lang=de", true);
    CHECK(options.embedded);
    CHECK(options.theme == Theme::Dark);
    CHECK(options.data_language == "de");
    CHECK(parse_embed_options("lang=fr&embed=true&theme=light", true).theme == Theme::Light);
    // Not in a frame, or not asked: an ordinary page, whatever else the query says.
    CHECK_FALSE(parse_embed_options("?embed=1&theme=dark", false).embedded);
    CHECK_FALSE(parse_embed_options("?embed=1&theme=dark", false).theme);
    CHECK_FALSE(parse_embed_options("?theme=dark", true).embedded);
    CHECK_FALSE(parse_embed_options("", true).embedded);
    CHECK_FALSE(parse_embed_options("?embedded=1", true).embedded);
    // A host's typo leaves the usual choice.
    const auto typo = parse_embed_options("embed=1&theme=purple&data_lang=klingon", true);
    CHECK(typo.embedded);
    CHECK_FALSE(typo.theme);
    CHECK(typo.data_language.empty());

    // The app starts in what the host asked for, over what this browser chose before.
    MemoryStore storage;
    storage.set("orchard.theme", "light");
    storage.set("orchard.lang", "en");
    orchard::test::HttplibTransport transport("http://127.0.0.1:1");
    ApiClient api(transport);
    App app(api, storage, AppOptions{.seed = 1, .embed = options});
    CHECK(app.state().embedded);
    CHECK(app.state().theme == Theme::Dark);
    CHECK(app.state().lang == "de");
}

TEST_CASE("an embedded app tells its host once that the server cannot be reached") {
    orchard::test::HttplibTransport transport("http://127.0.0.1:" + std::to_string(closed_port()));
    ApiClient api(transport);
    MemoryStore storage;
    App app(api, storage,
            AppOptions{.seed = 1, .embed = parse_embed_options("embed=1", /*framed=*/true)});
    app.start(0);
    app.login("someone", "a long enough password", 10);
    const auto events = app.take_host_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "error");
    CHECK(events[0].detail["kind"] == "network");
    CHECK(events[0].detail["message"].get<std::string>().find("can't be reached") !=
          std::string::npos);
    CHECK(app.take_host_events().empty());
}

TEST_CASE("the interface's scale: the offered step nearest a wish, remembered in the browser") {
    CHECK(nearest_ui_scale(1.0) == 1.0);
    CHECK(nearest_ui_scale(1.3) == 1.25);
    CHECK(nearest_ui_scale(1.9) == 2.0);
    CHECK(nearest_ui_scale(0.2) == 1.0);  // a pinch inwards stops at the usual size
    CHECK(nearest_ui_scale(40.0) == 2.0); // and outwards at twice it
    CHECK(nearest_ui_scale(std::nan("")) == 1.0);

    MemoryStore storage;
    orchard::test::HttplibTransport transport("http://127.0.0.1:1"); // nothing is sent
    {
        ApiClient api{transport};
        App app{api, storage, AppOptions{}};
        CHECK(app.state().ui_scale == 1.0);
        app.set_ui_scale(1.6);
        CHECK(app.state().ui_scale == 1.5);
    }
    ApiClient api{transport};
    App again{api, storage, AppOptions{}};
    CHECK(again.state().ui_scale == 1.5); // the next visit starts at the chosen size
    storage.set("orchard.ui_scale", "huge");
    App odd{api, storage, AppOptions{}};
    CHECK(odd.state().ui_scale == 1.0);
}

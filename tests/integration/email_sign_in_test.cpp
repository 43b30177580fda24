// Sign-in by e-mail link against a real SMTP server: Debian's aiosmtpd, started by the test,
// writes what it receives into a Maildir that the test reads.
#include "tests/support/raw_http.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include "i18n/catalog.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using nlohmann::json;

namespace {

class SmtpSink {
  public:
    explicit SmtpSink(std::filesystem::path maildir)
        : maildir_(std::move(maildir)), port_(orchard::test::free_loopback_port()) {
        pid_ = fork();
        if (pid_ == 0) {
            const std::string listen = "127.0.0.1:" + std::to_string(port_);
            execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
                  "aiosmtpd.handlers.Mailbox", maildir_.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        // Ready when it accepts connections.
        for (int i = 0; i < 100; ++i) {
            const int fd = socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_port = htons(static_cast<uint16_t>(port_));
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            const bool up = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
            close(fd);
            if (up) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        FAIL("the SMTP sink did not start");
    }
    ~SmtpSink() {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
    }
    int port() const { return port_; }

    // The messages once there are `count` of them (or after 5 s, however many there are).
    std::vector<std::string> wait_for(std::size_t count) const {
        std::vector<std::string> texts = messages();
        for (int i = 0; i < 50 && texts.size() < count; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            texts = messages();
        }
        return texts;
    }

    // The text of every message received so far.
    std::vector<std::string> messages() const {
        std::vector<std::string> texts;
        const auto folder = maildir_ / "new";
        if (!std::filesystem::exists(folder)) return texts;
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            std::ifstream file(entry.path());
            std::stringstream text;
            text << file.rdbuf();
            texts.push_back(text.str());
        }
        return texts;
    }

  private:
    std::filesystem::path maildir_;
    int port_;
    pid_t pid_ = -1;
};

json post(httplib::Client& client, const std::string& path, const json& body, int& status) {
    auto result = client.Post(path, body.dump(), "application/json");
    status = result ? result->status : 0;
    return result ? json::parse(result->body, nullptr, false) : json();
}

} // namespace

TEST_CASE("e-mail sign-in: a one-time link arrives through the relay and signs in once") {
    orchard::test::TempDir dir;
    SmtpSink sink(dir.path() / "maildir");
    orchard::test::TestServer server(
        dir.path(), {"--quiet", "--smtp", "127.0.0.1:" + std::to_string(sink.port()), "--mail-from",
                     "orchard@example.org", "--public-url", "https://orchard.example"});
    httplib::Client client(server.base_url());
    int status = 0;
    post(client, "/api/v1/auth/email", {{"email", "ada@example.org"}}, status);
    REQUIRE(status == 202);
    std::vector<std::string> mails = sink.wait_for(1);
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].find("X-RcptTo: ada@example.org") != std::string::npos);
    std::smatch link;
    REQUIRE(std::regex_search(
        mails[0], link, std::regex(R"(https://orchard\.example/\?email_token=([A-Za-z0-9_-]+))")));
    const std::string token = link[1];

    const json first = post(client, "/api/v1/auth/email/verify", {{"token", token}}, status);
    REQUIRE(status == 200);
    CHECK(first["user"]["display_name"] == "ada");
    CHECK(first["user"]["guest"] == false);
    // The link works once.
    const json again = post(client, "/api/v1/auth/email/verify", {{"token", token}}, status);
    CHECK(status == 401);
    CHECK(again["error_code"] == 600);
    // A second link for the same address signs in the same account.
    post(client, "/api/v1/auth/email", {{"email", "ADA@example.org"}}, status);
    REQUIRE(status == 202);
    mails = sink.wait_for(2);
    REQUIRE(mails.size() == 2);
    std::string second_token;
    for (const auto& mail : mails) {
        std::smatch found;
        if (std::regex_search(mail, found, std::regex(R"(email_token=([A-Za-z0-9_-]+))")) &&
            found[1] != token)
            second_token = found[1];
    }
    const json second =
        post(client, "/api/v1/auth/email/verify", {{"token", second_token}}, status);
    REQUIRE(status == 200);
    CHECK(second["user"]["id"] == first["user"]["id"]);
    // Not an address, and a made-up token.
    post(client, "/api/v1/auth/email", {{"email", "not an address"}}, status);
    CHECK(status == 400);
    post(client, "/api/v1/auth/email/verify", {{"token", "made-up"}}, status);
    CHECK(status == 401);
}

TEST_CASE("e-mail sign-in: one recipient and one address get a few e-mails, then 429") {
    orchard::test::TempDir dir;
    SmtpSink sink(dir.path() / "maildir");
    orchard::test::TestServer server(dir.path(), {"--quiet", "--smtp",
                                                  "127.0.0.1:" + std::to_string(sink.port()),
                                                  "--mail-from", "orchard@example.org"});
    httplib::Client client(server.base_url());
    int status = 0;
    // One inbox flooded: three links, then refused (whatever the letter case).
    for (int i = 0; i < 3; ++i) {
        post(client, "/api/v1/auth/email",
             {{"email", i % 2 ? "VICTIM@example.org" : "victim@example.org"}}, status);
        CHECK(status == 202);
    }
    const json refused =
        post(client, "/api/v1/auth/email", {{"email", "victim@example.org"}}, status);
    CHECK(status == 429);
    CHECK(refused["error_code"] == 429);
    // The same address spraying other inboxes: two more, then refused.
    for (const char* other : {"one@example.org", "two@example.org"}) {
        post(client, "/api/v1/auth/email", {{"email", other}}, status);
        CHECK(status == 202);
    }
    post(client, "/api/v1/auth/email", {{"email", "three@example.org"}}, status);
    CHECK(status == 429);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK(sink.messages().size() == 5);
}

TEST_CASE("e-mail sign-in: the e-mail is written in the reader's language") {
    orchard::test::TempDir dir;
    SmtpSink sink(dir.path() / "maildir");
    orchard::test::TestServer server(
        dir.path(), {"--quiet", "--smtp", "127.0.0.1:" + std::to_string(sink.port()), "--mail-from",
                     "orchard@example.org", "--public-url", "https://orchard.example"});
    const auto words = [](const char* tag) {
        auto catalog = orchard::i18n::Catalog::read_file(std::string(ORCHARD_PUBLIC_DIR) +
                                                         "/locales/" + tag + ".json");
        REQUIRE(catalog);
        return *catalog;
    };
    const auto russian = words("ru");
    const auto german = words("de");
    httplib::Client client(server.base_url());
    // The language the client names; then, without one, the browser's Accept-Language.
    auto result = client.Post("/api/v1/auth/email",
                              json{{"email", "ivan@example.org"}, {"language", "ru"}}.dump(),
                              "application/json");
    REQUIRE(result);
    CHECK(result->status == 202);
    result = client.Post("/api/v1/auth/email", {{"Accept-Language", "de-CH,de;q=0.9,en;q=0.5"}},
                         json{{"email", "grete@example.org"}}.dump(), "application/json");
    REQUIRE(result);
    CHECK(result->status == 202);
    std::vector<std::string> mails = sink.wait_for(2);
    REQUIRE(mails.size() == 2);
    // The body's first line ("Hello!" in the language) and an RFC 2047 subject.
    const auto first_line = [](const std::string& body) { return body.substr(0, body.find('\n')); };
    for (const auto& mail : mails) {
        const bool to_ivan = mail.find("X-RcptTo: ivan@example.org") != std::string::npos;
        const auto& catalog = to_ivan ? russian : german;
        INFO(mail);
        CHECK(mail.find(first_line(*catalog.find("email.sign_in_body"))) != std::string::npos);
        CHECK(mail.find("Subject: =?UTF-8?B?") != std::string::npos);
        CHECK(mail.find("https://orchard.example/?email_token=") != std::string::npos);
    }
    // A language Orchard does not ship falls back to English.
    result = client.Post("/api/v1/auth/email",
                         json{{"email", "pat@example.org"}, {"language", "pt-BR"}}.dump(),
                         "application/json");
    REQUIRE(result);
    mails = sink.wait_for(3);
    REQUIRE(mails.size() == 3);
    bool english = false;
    for (const auto& mail : mails)
        english |= mail.find("X-RcptTo: pat@example.org") != std::string::npos &&
                   mail.find("Subject: Your Orchard sign-in link") != std::string::npos;
    CHECK(english);
}

TEST_CASE("e-mail sign-in: without a relay the server says it is not set up") {
    orchard::test::TempDir dir;
    orchard::test::TestServer server(dir.path(), {"--quiet"});
    httplib::Client client(server.base_url());
    int status = 0;
    const json answer = post(client, "/api/v1/auth/email", {{"email", "ada@example.org"}}, status);
    CHECK(status == 503);
    CHECK(answer["error_code"] == 0);
}

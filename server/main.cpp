// `orchard`: the server's command line. Parses options, opens the database, serves until
// SIGINT or SIGTERM, then stops cleanly (requests in flight finish, the database closes).
#include "server/api/api_keys.h"
#include "server/api/credentials.h"
#include "server/api/mail_words.h"
#include "server/cli_options.h"
#include "server/demo/demo_loader.h"
#include "server/domain/accounts.h"
#include "server/domain/audit_log.h"
#include "server/domain/ids.h"
#include "server/export/dataset_release.h"
#include "server/export/exporter.h"
#include "server/export/jsonl_writer.h"
#include "server/http/http_server.h"
#include "server/news/news_webhook.h"
#include "server/server_app.h"
#include "server/store/account_store.h"
#include "server/store/store_copy.h"
#include "server/store/tree_store.h"
#include "server/version.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <pthread.h>
#include <termios.h>
#include <thread>
#include <unistd.h>
#include <variant>
#include <vector>

namespace {

std::filesystem::path executable_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : exe.parent_path();
}

bool has_client(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_regular_file(dir / "index.html", ec);
}

// Where the client is when --public is not given: beside an installed binary, or where this
// build put it (ORCHARD_BUILT_PUBLIC_DIR, set by CMake: build/public for build/server/orchard),
// whatever folder the server is started from. Empty when none has the client.
std::filesystem::path find_client(std::vector<std::filesystem::path>& looked_in) {
    looked_in = {executable_dir() / "public", std::filesystem::path(ORCHARD_BUILT_PUBLIC_DIR)};
    for (const auto& dir : looked_in)
        if (has_client(dir)) return dir;
    return {};
}

// The folder of client files to serve, or an explanation of why there is none to print before
// refusing to start: a server that answers "not found" at / helps nobody.
std::variant<std::filesystem::path, std::string> client_dir(const orchard::ServeOptions& options) {
    if (!options.public_dir.empty()) {
        if (has_client(options.public_dir) || options.api_only) return options.public_dir;
        return "no client files in " + options.public_dir.string() +
               " (it has no index.html). Build the client (scripts/run.sh does), point --public "
               "at the folder the build made (build/public), or start with --api-only to serve "
               "only the API.";
    }
    std::vector<std::filesystem::path> looked_in;
    auto found = find_client(looked_in);
    if (!found.empty() || options.api_only) return found;
    std::string where;
    for (const auto& dir : looked_in)
        where += (where.empty() ? "" : " or ") + dir.string();
    return "the client files were not found (looked in " + where +
           "). Build them with scripts/run.sh (or cmake --build build), give their folder with "
           "--public DIR, or start with --api-only to serve only the API.";
}

// `--demo`: the sample conversations, only into a database without any. The default sample is
// the one in the source tree (ORCHARD_DEMO_FILE, set by CMake), which does not depend on where
// the binary was built or copied to.
void load_demo(orchard::store::Database& database, const std::filesystem::path& demo_file) {
    const std::filesystem::path file = demo_file.empty() ? ORCHARD_DEMO_FILE : demo_file;
    const auto summary = orchard::demo::load_demo_data(database, file, orchard::domain::now_ms());
    if (summary)
        std::printf("Loaded demo data: %d users, %d trees, %d messages\n", summary->users,
                    summary->trees, summary->messages);
    else
        std::printf("Demo data not loaded: the database already has conversations.\n");
    std::fflush(stdout);
}

int serve(const orchard::ServeOptions& options) {
    // Block the stop signals in every thread; one thread waits for them with sigwait, which is
    // safe where a signal handler calling into the server would not be.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    const auto client = client_dir(options);
    if (const auto* problem = std::get_if<std::string>(&client)) {
        std::fprintf(stderr, "orchard: %s\n", problem->c_str());
        return 2;
    }
    const auto public_dir = std::get<std::filesystem::path>(client);
    orchard::api::AuthOptions auth;
    auth.catalogs = orchard::api::read_catalogs(public_dir);
    if (!options.smtp_relay.empty()) {
        const auto colon = options.smtp_relay.rfind(':');
        orchard::mail::SmtpRelay relay;
        relay.host = options.smtp_relay.substr(0, colon);
        relay.port =
            colon == std::string::npos ? 25 : std::atoi(options.smtp_relay.c_str() + colon + 1);
        relay.from = options.mail_from;
        auth.smtp = relay;
    }
    auth.kiosk_event = options.kiosk_event;
    auth.kiosk_url_events = options.kiosk_url_events;
    auth.kiosk_idle_seconds = options.kiosk_idle_seconds;
    if (options.oauth)
        auth.oauth_providers.push_back(orchard::oauth::configure_provider(
            *options.oauth, std::getenv("ORCHARD_OAUTH_CLIENT_SECRET")));
    // Bound before the app exists, so that the default public URL has the real port even for
    // --port 0; no request is answered before run().
    std::unique_ptr<orchard::ServerApp> app;
    // Set before serving, stopped after: requests only ever see it whole.
    std::unique_ptr<orchard::news::NewsWebhook> webhook;
    orchard::http::HttpServer server(
        [&app](const orchard::http::Request& request) { return app->handle(request); },
        {.max_body_bytes = options.max_body_bytes,
         .max_body_memory_bytes = options.max_body_memory_bytes,
         .max_connections = options.max_connections,
         .max_connections_per_address = options.max_connections_per_address,
         .request_timeout = std::chrono::seconds(options.request_timeout_sec),
         .log_requests = options.log_requests,
         .trusted_proxies = options.trusted_proxies});
    const int port = server.bind(options.host, options.port);
    auth.public_url = !options.public_url.empty()
                          ? options.public_url
                          : "http://" + options.host + ":" + std::to_string(port);
    app = std::make_unique<orchard::ServerApp>(
        orchard::ServerAppConfig{.data_dir = options.data_dir,
                                 .database_url = options.database,
                                 .database_read_url = options.database_read,
                                 .public_dir = public_dir,
                                 .seed = options.seed,
                                 .allowed_origins = options.allowed_origins,
                                 .embed_origins = options.embed_origins,
                                 .auth = auth,
                                 .news_added = [&webhook] {
                                     if (webhook) webhook->notify();
                                 }});
    // Before serving, so that the first request already finds the sample.
    if (options.demo) load_demo(app->database(), options.demo_file);

    if (!options.news_webhook_url.empty()) {
        webhook = std::make_unique<orchard::news::NewsWebhook>(
            app->database(),
            orchard::news::WebhookOptions{.url = options.news_webhook_url,
                                          .allow_private = options.news_webhook_allow_private});
        std::printf("  news are posted to the webhook %s\n", options.news_webhook_url.c_str());
    }
    std::printf("Orchard %s is running at http://%s:%d/\n", orchard::kVersion, options.host.c_str(),
                port);
    for (const auto& provider : auth.oauth_providers)
        std::printf("  sign-in with %s; its redirect URI is %s/api/v1/auth/oauth/%s/callback\n",
                    provider.display_name.c_str(), auth.public_url.c_str(), provider.id.c_str());
    std::printf("  database %s (schema version %d), client files %zu from %s\n",
                app->database().location().c_str(), app->database().schema_version(),
                app->static_files().file_count(), public_dir.c_str());
    if (options.api_only) std::printf("  serving the API only (--api-only)\n");
    std::fflush(stdout);

    std::atomic<bool> stopping = false;
    std::thread signal_waiter([&server, &stopping, stop_signals] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        if (stopping.exchange(true)) return; // woken by main after run() returned on its own
        std::printf("Received %s, stopping.\n", signal == SIGINT ? "SIGINT" : "SIGTERM");
        std::fflush(stdout);
        server.stop();
    });
    server.run();
    // run() also returns if listening failed; wake the waiter so that it can end.
    if (!stopping.exchange(true)) pthread_kill(signal_waiter.native_handle(), SIGTERM);
    signal_waiter.join();
    webhook.reset(); // its cursor is saved item by item; the lease is given up
    std::printf("Stopped.\n");
    return 0;
}

int add_api_client(const orchard::AddApiClientOptions& options) {
    auto database = orchard::store::Database::open_data(options.data_dir, options.database);
    orchard::store::Database::Transaction transaction(*database);
    orchard::store::TreeStore store(transaction.statements());
    orchard::store::ApiClientRecord client;
    client.id = orchard::domain::new_uuid();
    client.description = options.description;
    client.trusted = options.trusted;
    const std::string key = orchard::api::new_api_key();
    store.insert_api_client(client, orchard::api::hash_api_key(key));
    transaction.commit();
    std::printf("%s\n", key.c_str());
    std::fprintf(stderr, "API client %s (%s%s) created. Keep the key: it is not shown again.\n",
                 client.id.c_str(), options.description.c_str(),
                 options.trusted ? ", trusted" : "");
    return 0;
}

// The password for `orchard user add`: the first line of standard input, without echo when it
// is a terminal.
std::string read_password() {
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "Password: ");
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string password;
    std::getline(std::cin, password);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
}

int add_user(const orchard::AddUserOptions& options) {
    const std::string password = read_password();
    if (auto problem = orchard::domain::credentials_problem(options.username, password)) {
        std::fprintf(stderr, "orchard: %s\n", problem->c_str());
        return 2;
    }
    auto database = orchard::store::Database::open_data(options.data_dir, options.database);
    orchard::store::AccountRecord account;
    account.user_id = orchard::domain::new_uuid();
    account.username = options.username;
    account.display_name = options.display_name.empty() ? options.username : options.display_name;
    account.role = options.role;
    account.password_hash = orchard::api::hash_password(password);
    bool taken = false;
    database->write([&](orchard::store::StatementCache& statements) {
        orchard::store::AccountStore accounts(statements);
        taken = accounts.find_by_username(options.username).has_value();
        if (!taken) accounts.insert_account(account, orchard::domain::now_ms());
    });
    if (taken) {
        std::fprintf(stderr, "orchard: the username %s is taken\n", options.username.c_str());
        return 1;
    }
    std::fprintf(stderr, "Account %s (%s) created.\n", options.username.c_str(),
                 options.role.c_str());
    return 0;
}

// `orchard export`: the dataset on standard output or in a file, with a progress line on a
// terminal. Never creates a database: exporting from a mistyped folder is an error, not an
// empty file.
int export_dataset(const orchard::exporting::ExportOptions& options) {
    const auto file = options.data_dir / "orchard.db";
    if (options.database.empty() && !std::filesystem::exists(file)) {
        std::fprintf(stderr, "orchard: there is no database at %s\n", file.c_str());
        return 1;
    }
    auto database = orchard::store::Database::open_data(options.data_dir, options.database);
    if (!options.dataset_dir.empty()) {
        std::ifstream terms_file(ORCHARD_TERMS_FILE);
        std::string terms((std::istreambuf_iterator<char>(terms_file)), {});
        if (terms.empty())
            terms = "(The terms, assets/guidelines/terms.md in Orchard's sources, were not found "
                    "by this build.)";
        const auto summary = orchard::exporting::write_release(*database, options, terms);
        std::fprintf(stderr, "Wrote a release of %ld trees, %ld messages in %ld files to %s.\n",
                     summary.trees, summary.messages, summary.files, options.dataset_dir.c_str());
        return 0;
    }
    orchard::exporting::JsonlWriter writer(options.out);
    const bool show_progress = options.progress && isatty(STDERR_FILENO);
    auto last_shown = std::chrono::steady_clock::now();
    const auto counts = orchard::exporting::export_trees(
        *database, options, [&](std::string_view line) { writer.write(line); },
        [&](const orchard::exporting::ExportCounts& so_far) {
            if (!show_progress) return;
            const auto now = std::chrono::steady_clock::now();
            if (now - last_shown < std::chrono::milliseconds(250)) return;
            last_shown = now;
            std::fprintf(stderr, "\r%ld trees, %ld messages", so_far.trees, so_far.messages);
        });
    writer.close();
    if (show_progress) std::fprintf(stderr, "\r\033[K");
    std::fprintf(stderr, "Exported %ld trees, %ld messages as %ld %s lines to %s.\n", counts.trees,
                 counts.messages, counts.lines, orchard::exporting::to_string(options.format),
                 options.out == "-" ? "standard output" : options.out.c_str());
    return 0;
}

// `orchard import FILE`: all of the file or nothing, with each malformed line's number.
int import_dataset(const orchard::exporting::ImportOptions& options) {
    if (!std::filesystem::exists(options.file)) {
        std::fprintf(stderr, "orchard: there is no file %s\n", options.file.c_str());
        return 1;
    }
    auto database = orchard::store::Database::open_data(options.data_dir, options.database);
    const auto summary = orchard::exporting::import_trees(*database, options);
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < summary.problems.size() && i < kShown; ++i)
        std::fprintf(stderr, "%s: line %ld: %s\n", options.file.c_str(), summary.problems[i].line,
                     summary.problems[i].message.c_str());
    if (summary.problems.size() > kShown)
        std::fprintf(stderr, "... and %zu more malformed lines\n",
                     summary.problems.size() - kShown);
    if (!summary.problems.empty() && !options.skip_bad) {
        std::fprintf(stderr, "Nothing was imported (--skip-bad imports the good lines).\n");
        return 1;
    }
    std::fprintf(
        stderr, "Imported %ld trees, %ld messages from %ld lines%s.\n", summary.trees,
        summary.messages, summary.lines,
        summary.already_there > 0
            ? ("; " + std::to_string(summary.already_there) + " trees were there already").c_str()
            : "");
    return 0;
}

// `orchard audit verify`: the chain of the audit log, checked from its first row to its last.
// Never creates a database.
int verify_audit(const orchard::AuditVerifyOptions& options) {
    const auto file = options.data_dir / "orchard.db";
    if (options.database.empty() && !std::filesystem::exists(file)) {
        std::fprintf(stderr, "orchard: there is no database at %s\n", file.c_str());
        return 1;
    }
    auto database = orchard::store::Database::open_data(options.data_dir, options.database);
    orchard::domain::AuditCheck check;
    database->read([&](orchard::store::StatementCache& statements) {
        check = orchard::domain::verify_audit_log(statements);
    });
    if (!check.problem.empty()) {
        std::fprintf(stderr, "orchard: the audit log is broken: %s. The %ld rows before it hold.\n",
                     check.problem.c_str(), check.rows);
        return 1;
    }
    std::printf("The audit log holds: %ld rows, last hash %s.\n", check.rows, check.head.c_str());
    return 0;
}

// `orchard migrate`: each table as it is copied and checked, then the verdict.
int migrate(const orchard::MigrateOptions& options) {
    const auto report = orchard::store::copy_sqlite_to_postgres(
        options.from, options.to, [](const orchard::store::TableCopy& table) {
            std::printf("%-24s %10lld rows (%lld copied now)  %s\n", table.table.c_str(),
                        static_cast<long long>(table.rows),
                        static_cast<long long>(table.copied_now),
                        table.verified ? "counts and checksums agree" : "DIFFERS");
            std::fflush(stdout);
        });
    if (!report.verified()) {
        std::fprintf(stderr, "orchard: the copy differs from %s in the tables marked DIFFERS\n",
                     options.from.c_str());
        return 1;
    }
    std::printf("Copied and verified: %zu tables.\n", report.tables.size());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    const auto command = orchard::parse_command_line(args);
    if (const auto* help = std::get_if<orchard::ShowHelp>(&command)) {
        std::fputs(help->text.c_str(), stdout);
        return 0;
    }
    if (const auto* error = std::get_if<orchard::UsageError>(&command)) {
        std::fprintf(stderr, "orchard: %s\n", error->message.c_str());
        return 2;
    }
    try {
        if (const auto* add = std::get_if<orchard::AddApiClientOptions>(&command))
            return add_api_client(*add);
        if (const auto* user = std::get_if<orchard::AddUserOptions>(&command))
            return add_user(*user);
        if (const auto* dataset = std::get_if<orchard::exporting::ExportOptions>(&command))
            return export_dataset(*dataset);
        if (const auto* file = std::get_if<orchard::exporting::ImportOptions>(&command))
            return import_dataset(*file);
        if (const auto* audit = std::get_if<orchard::AuditVerifyOptions>(&command))
            return verify_audit(*audit);
        if (const auto* copy = std::get_if<orchard::MigrateOptions>(&command))
            return migrate(*copy);
        return serve(std::get<orchard::ServeOptions>(command));
    } catch (const std::exception& error) {
        std::fprintf(stderr, "orchard: %s\n", error.what());
        return 1;
    }
}

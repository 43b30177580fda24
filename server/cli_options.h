// The `orchard` command line: parsing only, so that it is unit-tested without starting anything.
#pragma once

#include "server/export/export_options.h"
#include "server/export/importer.h"
#include "server/oauth/provider.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace orchard {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080; // 0 picks a free port
    std::filesystem::path data_dir = "data";
    // A postgresql:// URL in place of the SQLite file in data_dir (store::Database::open_data),
    // and a streaming replica of it for the reads that may lag.
    std::string database;
    std::string database_read;
    std::filesystem::path public_dir; // empty: the client built with this binary (see main.cpp)
    bool api_only = false;            // serve the API without client files (else they must exist)
    bool log_requests = true;
    std::size_t max_body_bytes = 1 << 20; // larger request bodies get 413 before any parsing
    std::size_t max_body_memory_bytes = 256u << 20; // all bodies in memory at once; 503 past it
    int max_connections = 20000;                    // open at once, in all
    int max_connections_per_address = 256;          // from one client address; 0 for no limit
    int request_timeout_sec = 20;    // a request's headers and body must arrive within this
    std::uint64_t seed = 0;          // task choices; 0 = unpredictable
    bool demo = false;               // load the sample conversations into an empty database
    std::filesystem::path demo_file; // empty: the sample shipped with the sources
    // Other sites' origins whose pages may call the API (embedding); none by default.
    std::vector<std::string> allowed_origins;
    // Other sites' origins whose pages may show Orchard in a frame; none by default.
    std::vector<std::string> embed_origins;
    std::vector<std::string> trusted_proxies; // whose X-Forwarded-For names the client
    // A kiosk server for this event (docs/kiosk.md): empty for none.
    std::string kiosk_event;
    // Events whose kiosks a browser may become by its address, /?kiosk=EVENT (--kiosk-allow).
    std::vector<std::string> kiosk_url_events;
    int kiosk_idle_seconds = 90;
    // Sign-in links by e-mail: the SMTP relay ("host:port"), the sender, and the public URL the
    // links point to. E-mail sign-in is off without a relay.
    std::string smtp_relay;
    // A name with a dot after the @: the relay check (mail::plausible_address) refuses the bare
    // orchard@localhost, which made e-mail sign-in answer 503 on every default setup.
    std::string mail_from = "orchard@localhost.localdomain";
    std::string public_url;
    // Sign-in with an OAuth2 provider (--oauth-*); off when absent. Its secret is read at start.
    std::optional<oauth::ProviderSettings> oauth;
    // Each news item is also posted to this (Discord-compatible) webhook; off when empty. Its
    // host must resolve to public addresses unless allowed otherwise (tests, a local relay).
    std::string news_webhook_url;
    bool news_webhook_allow_private = false;
};

// `orchard api-client add`: creates a frontend API key and prints it (the only time it is shown).
struct AddApiClientOptions {
    std::string description;
    bool trusted = false;
    std::filesystem::path data_dir = "data";
    std::string database; // PostgreSQL instead of data_dir's SQLite file
};

// `orchard user add`: creates an account of Orchard's own client, e.g. the first admin. The
// password is read from standard input (prompted for without echo on a terminal).
struct AddUserOptions {
    std::string username;
    std::string display_name; // empty: the username
    std::string role = "contributor";
    std::filesystem::path data_dir = "data";
    std::string database; // PostgreSQL instead of data_dir's SQLite file
};

// `orchard audit verify`: checks the audit log's chain of hashes (docs/moderation.md).
struct AuditVerifyOptions {
    std::filesystem::path data_dir = "data";
    std::string database; // PostgreSQL instead of data_dir's SQLite file
};

// `orchard migrate`: a SQLite installation copied into PostgreSQL (store/store_copy.h).
struct MigrateOptions {
    std::filesystem::path from; // the SQLite file, e.g. data/orchard.db
    std::string to;             // postgresql://...
};

struct ShowHelp {
    std::string text;
};

struct UsageError {
    std::string message;
};

using Command = std::variant<ServeOptions, AddApiClientOptions, AddUserOptions,
                             exporting::ExportOptions, exporting::ImportOptions, AuditVerifyOptions,
                             MigrateOptions, ShowHelp, UsageError>;

Command parse_command_line(const std::vector<std::string>& args);

} // namespace orchard

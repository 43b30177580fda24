#include "server/cli_options.h"

#include "server/cli_export.h"
#include "server/domain/accounts.h"
#include "server/domain/event_names.h"
#include "server/embedding_policy.h"
#include "server/http/forwarded_for.h"
#include "server/mail/smtp_client.h"
#include "server/version.h"

#include <charconv>
#include <optional>

namespace orchard {

namespace {

std::string general_help() {
    return std::string("Orchard ") + kVersion +
           " - crowd-sourced conversation data for chat assistants\n"
           "\n"
           "Usage: orchard <command> [options]\n"
           "\n"
           "Commands:\n"
           "  serve                run the server (the API and the browser client)\n"
           "  api-client add       create an API key for a frontend (bot, other website)\n"
           "  user add             create an account (for example the first admin)\n"
           "  export               write the conversation trees as a dataset (JSON Lines)\n"
           "  import FILE          add the conversation trees of an oasst file\n"
           "  audit verify         check that no row of the audit log was changed or removed\n"
           "  migrate              copy a SQLite installation into PostgreSQL, verified\n"
           "\n"
           "Run 'orchard COMMAND --help' for the options of a command.\n";
}

std::string serve_help() {
    return "Usage: orchard serve [options]\n"
           "\n"
           "Serves the browser client and the /api/v1 API over HTTP.\n"
           "\n"
           "Options:\n"
           "  --host ADDRESS   address to listen on (default 127.0.0.1)\n"
           "  --port N         port to listen on, 0 for any free port (default 8080)\n"
           "  --data DIR       folder of the SQLite database, created if missing (default data)\n"
           "  --database URL   a PostgreSQL database instead (postgresql://user@host/name);\n"
           "                   any number of servers may share one (docs/scaling.md)\n"
           "  --database-read URL  a streaming replica of it for reads that may lag\n"
           "                   (leaderboards, explorer, statistics)\n"
           "  --public DIR     folder of the built client (default: the one built with this\n"
           "                   binary; the server refuses to start without client files)\n"
           "  --api-only       serve only the API, without client files\n"
           "  --quiet          do not log one line per request\n"
           "  --max-body-kb N  largest request body accepted, in KiB (default 1024)\n"
           "  --max-body-memory-mb N  request bodies held in memory at once, over all\n"
           "                   connections, in MiB (default 256); past it a request with a body\n"
           "                   gets 503 and Retry-After\n"
           "  --max-connections N  connections open at once (default 20000, and at most what\n"
           "                   the system's file limit allows)\n"
           "  --max-connections-per-address N  connections from one client address (default\n"
           "                   256; 0 for no limit, e.g. behind a reverse proxy)\n"
           "  --trusted-proxy ADDRESS  a reverse proxy (an IP address) whose last\n"
           "                   X-Forwarded-For names the client; repeat for several\n"
           "  --request-timeout-sec N  time for a request's headers and body to arrive, from\n"
           "                   its first byte (default 20)\n"
           "  --seed N         seed for task choices (reproducible runs; default random)\n"
           "  --demo           load sample conversations into an empty database so every task\n"
           "                   type is available\n"
           "  --demo-file PATH the sample to load instead of the shipped one (implies --demo)\n"
           "  --allow-origin URL  let pages of this origin (e.g. https://example.org) call the\n"
           "                   API from the browser; repeat for several (default: none)\n"
           "  --embed-origin URL  let pages of this origin show Orchard in a frame (embed.js);\n"
           "                   repeat for several (default: no site may frame it)\n"
           "  --kiosk EVENT    serve kiosks of this event: visitors start as its guests in one\n"
           "                   tap and their work counts on its board (lower-case letters,\n"
           "                   digits and '-')\n"
           "  --kiosk-allow EVENT  let a browser opened at /?kiosk=EVENT be a kiosk of this\n"
           "                   event while other visitors get the usual site; repeat for\n"
           "                   several\n"
           "  --kiosk-idle-sec N  end a kiosk visit after this many idle seconds (default 90)\n"
           "  --smtp HOST:PORT SMTP relay for sign-in links by e-mail (default: off)\n"
           "  --mail-from ADDR sender of those e-mails (default orchard@localhost.localdomain)\n"
           "  --public-url URL address of this server as people reach it, for links in\n"
           "                   e-mails and sign-in redirects (default http://HOST:PORT)\n"
           "  --news-webhook-url URL  also post each news item to this Discord-compatible\n"
           "                   webhook, http or https (default: off)\n"
           "  --news-webhook-allow-private  let that webhook be on this machine or a private\n"
           "                   network (loopback, 10/8, 192.168/16, ...; refused by default)\n"
           "  --help           show this text\n"
           "\n"
           "Sign-in with an OAuth2 provider (off unless --oauth-provider is given):\n"
           "  --oauth-provider ID        discord (a preset), or a name of your own with the\n"
           "                             three URLs below\n"
           "  --oauth-client-id ID       this server's client id at the provider\n"
           "  --oauth-client-secret-file FILE  file holding the client secret (default: the\n"
           "                             ORCHARD_OAUTH_CLIENT_SECRET environment variable)\n"
           "  --oauth-authorize-url URL  the provider's authorization endpoint\n"
           "  --oauth-token-url URL      the provider's token endpoint\n"
           "  --oauth-userinfo-url URL   the provider's endpoint that says who signed in\n"
           "  --oauth-scope TEXT         scopes to ask for (discord: identify)\n"
           "  --oauth-name TEXT          the sign-in button's label (default: Discord or the id)\n"
           "  The provider redirects back to PUBLIC-URL/api/v1/auth/oauth/ID/callback.\n";
}

std::optional<int> parse_port(const std::string& text) {
    int port = -1;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (error != std::errc{} || end != text.data() + text.size() || port < 0 || port > 65535)
        return std::nullopt;
    return port;
}

// Where an --oauth-* option's value goes; nullptr for an unknown one.
std::string* oauth_field(oauth::ProviderSettings& settings, const std::string& arg) {
    const std::pair<const char*, std::string*> fields[] = {
        {"--oauth-provider", &settings.id},
        {"--oauth-client-id", &settings.client_id},
        {"--oauth-client-secret-file", &settings.client_secret_file},
        {"--oauth-authorize-url", &settings.authorize_url},
        {"--oauth-token-url", &settings.token_url},
        {"--oauth-userinfo-url", &settings.userinfo_url},
        {"--oauth-scope", &settings.scope},
        {"--oauth-name", &settings.display_name}};
    for (const auto& [name, field] : fields)
        if (arg == name) return field;
    return nullptr;
}

// What is wrong with the --oauth-* options taken together, if anything. The secret is not
// looked at here: it is read when the server starts.
std::optional<std::string> oauth_problem(const oauth::ProviderSettings& settings) {
    const bool any = !settings.client_id.empty() || !settings.client_secret_file.empty() ||
                     !settings.authorize_url.empty() || !settings.token_url.empty() ||
                     !settings.userinfo_url.empty() || !settings.scope.empty() ||
                     !settings.display_name.empty();
    if (settings.id.empty())
        return any ? std::optional<std::string>("the --oauth-* options need --oauth-provider")
                   : std::nullopt;
    if (!oauth::valid_provider_id(settings.id))
        return "--oauth-provider takes discord or a name of 1 to 32 lowercase letters, digits "
               "or dashes, not '" +
               settings.id + "'";
    if (settings.client_id.empty()) return std::string("--oauth-provider needs --oauth-client-id");
    for (const auto& [url, option] : {std::pair{&settings.authorize_url, "--oauth-authorize-url"},
                                      std::pair{&settings.token_url, "--oauth-token-url"},
                                      std::pair{&settings.userinfo_url, "--oauth-userinfo-url"}}) {
        if (url->empty() && !oauth::preset(settings.id))
            return "the provider " + settings.id + " is not a preset: it needs " + option;
        if (!url->empty() && !oauth::valid_endpoint_url(*url))
            return std::string(option) + " takes an http or https URL, not '" + *url + "'";
    }
    return std::nullopt;
}

} // namespace

std::string api_client_help() {
    return "Usage: orchard api-client add --description TEXT [--trusted] [--data DIR]\n"
           "                              [--database URL]\n"
           "\n"
           "Creates an API key for a frontend and prints it once; only its hash is stored.\n"
           "Trusted clients may act on other users' data (moderation, configuration).\n";
}

Command parse_api_client(const std::vector<std::string>& args) {
    if (args.size() < 2 || args[1] != "add") return UsageError{api_client_help()};
    AddApiClientOptions options;
    for (size_t i = 2; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") return ShowHelp{api_client_help()};
        if (args[i] == "--trusted") {
            options.trusted = true;
        } else if ((args[i] == "--description" || args[i] == "--data" || args[i] == "--database") &&
                   i + 1 < args.size()) {
            if (args[i] == "--data")
                options.data_dir = args[++i];
            else if (args[i] == "--database")
                options.database = args[++i];
            else
                options.description = args[++i];
        } else {
            return UsageError{"unexpected '" + args[i] + "'\n\n" + api_client_help()};
        }
    }
    if (options.description.empty())
        return UsageError{"--description is required\n\n" + api_client_help()};
    return options;
}

std::string user_help() {
    return "Usage: orchard user add --username NAME [--display-name TEXT]\n"
           "                        [--role contributor|moderator|admin] [--data DIR]\n"
           "                        [--database URL]\n"
           "\n"
           "Creates an account of Orchard's own client. The password is read from standard\n"
           "input (asked for without echo on a terminal). There are no default accounts.\n";
}

Command parse_user(const std::vector<std::string>& args) {
    if (args.size() < 2 || args[1] != "add") return UsageError{user_help()};
    AddUserOptions options;
    for (size_t i = 2; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") return ShowHelp{user_help()};
        if ((arg == "--username" || arg == "--display-name" || arg == "--role" || arg == "--data" ||
             arg == "--database") &&
            i + 1 < args.size()) {
            const std::string& value = args[++i];
            if (arg == "--username") options.username = value;
            if (arg == "--display-name") options.display_name = value;
            if (arg == "--role") options.role = value;
            if (arg == "--data") options.data_dir = value;
            if (arg == "--database") options.database = value;
        } else {
            return UsageError{"unexpected '" + arg + "'\n\n" + user_help()};
        }
    }
    if (options.username.empty()) return UsageError{"--username is required\n\n" + user_help()};
    if (!domain::is_role(options.role))
        return UsageError{"--role is contributor, moderator or admin, not '" + options.role + "'"};
    return options;
}

std::string audit_help() {
    return "Usage: orchard audit verify [--data DIR] [--database URL]\n"
           "\n"
           "Reads the audit log of moderators' and admins' actions from the first row to the\n"
           "last and checks the chain of hashes that links them. Exits with 0 when it holds,\n"
           "with 1 and the first broken row when a row was changed, put in or taken out.\n";
}

Command parse_audit(const std::vector<std::string>& args) {
    if (args.size() < 2 || args[1] != "verify") return UsageError{audit_help()};
    AuditVerifyOptions options;
    for (size_t i = 2; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") return ShowHelp{audit_help()};
        if (args[i] == "--data" && i + 1 < args.size())
            options.data_dir = args[++i];
        else if (args[i] == "--database" && i + 1 < args.size())
            options.database = args[++i];
        else
            return UsageError{"unexpected '" + args[i] + "'\n\n" + audit_help()};
    }
    return options;
}

std::string migrate_help() {
    return "Usage: orchard migrate --from data/orchard.db --to postgresql://user@host/name\n"
           "\n"
           "Copies every table of an Orchard SQLite database into an empty PostgreSQL database\n"
           "(brought to the same schema first), then checks each table's row count and a\n"
           "checksum of its rows on both sides. Stop the server first: the copy is of one moment.\n"
           "Stopped halfway, the same command goes on where it stopped. Exits with 0 when every\n"
           "table agrees, with 1 naming the ones that do not.\n";
}

Command parse_migrate(const std::vector<std::string>& args) {
    MigrateOptions options;
    for (size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") return ShowHelp{migrate_help()};
        if (args[i] == "--from" && i + 1 < args.size())
            options.from = args[++i];
        else if (args[i] == "--to" && i + 1 < args.size())
            options.to = args[++i];
        else
            return UsageError{"unexpected '" + args[i] + "'\n\n" + migrate_help()};
    }
    if (options.from.empty() || options.to.empty())
        return UsageError{"--from and --to are required\n\n" + migrate_help()};
    if (!options.to.starts_with("postgresql://") && !options.to.starts_with("postgres://"))
        return UsageError{"--to takes a PostgreSQL URL (postgresql://...), not '" + options.to +
                          "'"};
    return options;
}

Command parse_command_line(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help")
        return ShowHelp{general_help()};
    if (args[0] == "api-client") return parse_api_client(args);
    if (args[0] == "user") return parse_user(args);
    if (args[0] == "export") return parse_export(args);
    if (args[0] == "import") return parse_import(args);
    if (args[0] == "audit") return parse_audit(args);
    if (args[0] == "migrate") return parse_migrate(args);
    if (args[0] != "serve")
        return UsageError{"unknown command '" + args[0] + "'\n\n" + general_help()};

    ServeOptions options;
    oauth::ProviderSettings oauth;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        if (arg == "--help" || arg == "-h") return ShowHelp{serve_help()};
        if (arg == "--quiet") {
            options.log_requests = false;
            continue;
        }
        if (arg == "--demo") {
            options.demo = true;
            continue;
        }
        if (arg == "--api-only") {
            options.api_only = true;
            continue;
        }
        if (arg == "--news-webhook-allow-private") {
            options.news_webhook_allow_private = true;
            continue;
        }
        if (arg.starts_with("--oauth-")) {
            std::string* field = oauth_field(oauth, arg);
            if (!field) return UsageError{"unknown option '" + arg + "'\n\n" + serve_help()};
            auto v = value();
            if (!v) return UsageError{"option " + arg + " needs a value"};
            *field = *v;
            continue;
        }
        if (arg != "--host" && arg != "--port" && arg != "--data" && arg != "--database" &&
            arg != "--database-read" && arg != "--public" && arg != "--seed" &&
            arg != "--demo-file" && arg != "--allow-origin" && arg != "--smtp" &&
            arg != "--embed-origin" && arg != "--kiosk" && arg != "--kiosk-idle-sec" &&
            arg != "--kiosk-allow" && arg != "--mail-from" && arg != "--public-url" &&
            arg != "--max-body-kb" && arg != "--max-body-memory-mb" &&
            arg != "--news-webhook-url" && arg != "--max-connections" &&
            arg != "--max-connections-per-address" && arg != "--request-timeout-sec" &&
            arg != "--trusted-proxy")
            return UsageError{"unknown option '" + arg + "'\n\n" + serve_help()};
        auto v = value();
        if (!v) return UsageError{"option " + arg + " needs a value"};
        if (arg == "--host") {
            options.host = *v;
        } else if (arg == "--port") {
            auto port = parse_port(*v);
            if (!port) return UsageError{"--port takes a number from 0 to 65535, not '" + *v + "'"};
            options.port = *port;
        } else if (arg == "--max-body-kb") {
            std::size_t kib = 0;
            auto [end, error] = std::from_chars(v->data(), v->data() + v->size(), kib);
            if (error != std::errc() || end != v->data() + v->size() || kib < 4 || kib > 1 << 20)
                return UsageError{"--max-body-kb takes a number from 4 to 1048576, not '" + *v +
                                  "'"};
            options.max_body_bytes = kib * 1024;
        } else if (arg == "--max-body-memory-mb") {
            std::size_t mib = 0;
            auto [end, error] = std::from_chars(v->data(), v->data() + v->size(), mib);
            if (error != std::errc() || end != v->data() + v->size() || mib < 1 || mib > 1 << 20)
                return UsageError{"--max-body-memory-mb takes a number from 1 to 1048576, not '" +
                                  *v + "'"};
            options.max_body_memory_bytes = mib << 20;
        } else if (arg == "--max-connections" || arg == "--max-connections-per-address" ||
                   arg == "--request-timeout-sec") {
            int count = -1;
            auto [end, error] = std::from_chars(v->data(), v->data() + v->size(), count);
            const int least = arg == "--max-connections-per-address" ? 0 : 1;
            if (error != std::errc() || end != v->data() + v->size() || count < least ||
                count > 1000000)
                return UsageError{arg + " takes a number from " + std::to_string(least) +
                                  " to 1000000, not '" + *v + "'"};
            (arg == "--max-connections"       ? options.max_connections
             : arg == "--request-timeout-sec" ? options.request_timeout_sec
                                              : options.max_connections_per_address) = count;
        } else if (arg == "--data") {
            options.data_dir = *v;
        } else if (arg == "--database") {
            options.database = *v;
        } else if (arg == "--database-read") {
            options.database_read = *v;
        } else if (arg == "--seed") {
            std::uint64_t seed = 0;
            auto [end, error] = std::from_chars(v->data(), v->data() + v->size(), seed);
            if (error != std::errc{} || end != v->data() + v->size())
                return UsageError{"--seed takes a whole number, not '" + *v + "'"};
            options.seed = seed;
        } else if (arg == "--smtp") {
            options.smtp_relay = *v;
        } else if (arg == "--mail-from") {
            if (!mail::plausible_address(*v))
                return UsageError{"--mail-from takes an e-mail address such as "
                                  "orchard@example.org, not '" +
                                  *v + "'"};
            options.mail_from = *v;
        } else if (arg == "--public-url") {
            options.public_url = *v;
        } else if (arg == "--news-webhook-url") {
            // Only the form is checked here; where the host leads is checked when posting.
            if (!oauth::valid_endpoint_url(*v))
                return UsageError{"--news-webhook-url takes an http or https URL, not '" + *v +
                                  "'"};
            options.news_webhook_url = *v;
        } else if (arg == "--allow-origin") {
            options.allowed_origins.push_back(*v);
        } else if (arg == "--kiosk" || arg == "--kiosk-allow") {
            if (!domain::valid_event_name(*v))
                return UsageError{arg +
                                  " takes an event's name of 1 to 40 lower-case letters, "
                                  "digits and '-', not '" +
                                  *v + "'"};
            if (arg == "--kiosk")
                options.kiosk_event = *v;
            else
                options.kiosk_url_events.push_back(*v);
        } else if (arg == "--kiosk-idle-sec") {
            int seconds = 0;
            auto [end, error] = std::from_chars(v->data(), v->data() + v->size(), seconds);
            if (error != std::errc() || end != v->data() + v->size() || seconds < 5 ||
                seconds > 3600)
                return UsageError{"--kiosk-idle-sec takes a number from 5 to 3600, not '" + *v +
                                  "'"};
            options.kiosk_idle_seconds = seconds;
        } else if (arg == "--trusted-proxy") {
            if (!http::is_ip_address(*v))
                return UsageError{"--trusted-proxy takes an IP address such as 10.0.0.2, not '" +
                                  *v + "'"};
            options.trusted_proxies.push_back(*v);
        } else if (arg == "--embed-origin") {
            if (!is_web_origin(*v))
                return UsageError{"--embed-origin takes an origin such as https://example.org "
                                  "(a scheme, a host and maybe a port; no path), not '" +
                                  *v + "'"};
            options.embed_origins.push_back(*v);
        } else if (arg == "--demo-file") {
            // Naming a sample only makes sense to load it, so it needs no --demo of its own.
            options.demo = true;
            options.demo_file = *v;
        } else {
            options.public_dir = *v;
        }
    }
    if (auto problem = oauth_problem(oauth)) return UsageError{*problem};
    if (!oauth.id.empty()) options.oauth = oauth;
    return options;
}

} // namespace orchard

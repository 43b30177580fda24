#include "server/api/export_routes.h"

#include "protocol/datasets.h"
#include "protocol/fields.h"
#include "server/api/download_links.h"
#include "server/api/permissions.h"
#include "server/api/query_params.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/language_tag.h"
#include "server/domain/tree_manager.h"
#include "server/export/export_options.h"
#include "server/export/exporter.h"
#include "server/export/jsonl_writer.h"
#include "server/http/mapped_file.h"
#include "server/http/url_encoding.h"
#include "server/http/wire_format.h"
#include "server/store/account_store.h"
#include "server/store/dataset_store.h"
#include "server/store/tree_store.h"

#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace orchard::api::exports {

using domain::bad_input;
using exporting::ExportOptions;
using exporting::Format;

namespace {

constexpr const char* kFormats[] = {"oasst", "messages", "sft", "preference", "labels"};

// The parameters of GET /admin/export, in the order a link writes them.
constexpr const char* kTextParameters[] = {"format", "lang", "state", "anonymize", "user_id"};
constexpr const char* kBoolParameters[] = {
    "all",          "all_paths",         "events", "include_deleted",
    "include_spam", "include_synthetic", "labels", "prompts_only"};

// The options an export request names; every value checked before anything runs.
ExportOptions options_from(const http::Request& request) {
    ExportOptions options;
    const std::string format = text_query(request, "format", 20).value_or("oasst");
    // "rm" is PROTOCOL.md §9's name for the reward models' pairs.
    const auto chosen = exporting::format_from(format == "rm" ? "preference" : format);
    if (!chosen)
        throw bad_input("format must be oasst, messages, sft, preference (rm) or labels, not '" +
                        format + "'.");
    options.format = *chosen;
    options.langs = exporting::comma_list(text_query(request, "lang", 400).value_or(""));
    for (const auto& lang : options.langs)
        domain::check_language_tag(lang, "lang");
    options.states = exporting::comma_list(text_query(request, "state", 400).value_or(""));
    for (const auto& state : options.states)
        if (!domain::tree_state::is_state(state))
            throw bad_input("state '" + state + "' is not a tree state.");
    options.anonymize_seed = text_query(request, "anonymize", 200);
    options.user_id = text_query(request, "user_id", 100).value_or("");
    options.all = bool_query(request, "all", false);
    options.all_paths = bool_query(request, "all_paths", false);
    options.events = bool_query(request, "events", false);
    options.include_deleted = bool_query(request, "include_deleted", false);
    options.include_spam = bool_query(request, "include_spam", false);
    options.include_synthetic = bool_query(request, "include_synthetic", false);
    options.labels = bool_query(request, "labels", true);
    options.prompts_only = bool_query(request, "prompts_only", false);
    options.progress = false;
    if (auto problem = exporting::settle_options(options, !options.labels))
        throw bad_input(*problem + ".");
    return options;
}

// What a browser saves the file as: orchard-sft-2026-12-06.jsonl.gz.
std::string file_name(const ExportOptions& options, std::int64_t now_ms) {
    return std::string("orchard-") + exporting::to_string(options.format) + "-" +
           domain::iso8601(now_ms).substr(0, 10) + ".jsonl.gz";
}

// One export at a time per server: each holds a read snapshot and a core for as long as it runs.
std::mutex& export_running() {
    static std::mutex running;
    return running;
}

// Runs the export into a file beside the database and answers with that file, mapped: the
// process holds one tree at a time while exporting and no copy of the file while sending it.
http::Response export_response(Call& call, const ExportOptions& options) {
    std::unique_lock<std::mutex> only(export_running(), std::try_to_lock);
    if (!only.owns_lock()) {
        domain::DomainError busy(protocol::ErrorCode::TooManyRequests,
                                 "Another export is running; try again when it is done.");
        busy.retry_after_sec = 10;
        throw busy;
    }
    // The writer compresses by the name's ending. A killed server leaves the file behind, named
    // export-*.jsonl.gz beside the database.
    const auto file = call.database().folder() / ("export-" + domain::new_uuid() + ".jsonl.gz");
    try {
        exporting::JsonlWriter writer(file.string());
        exporting::export_trees(call.database(), options,
                                [&](std::string_view line) { writer.write(line); });
        writer.close();
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
        throw;
    }
    const auto mapped = http::MappedFile::open_and_unlink(file);
    http::Response response;
    response.content_type = "application/gzip";
    response.shared_owner = mapped;
    response.shared_bytes = mapped->bytes();
    response.set_header("Content-Disposition",
                        "attachment; filename=\"" + file_name(options, call.now) + "\"");
    response.set_header("Cache-Control", "no-store");
    return response;
}

std::string link_key(Call& call) {
    std::string key;
    call.database().read([&](store::StatementCache& statements) {
        key = store::DatasetStore(statements).download_link_key();
    });
    return key;
}

} // namespace

http::Response datasets(Call& call) {
    protocol::DatasetCounts answer;
    for (const auto& count : store::DatasetStore(call.store().statements()).tree_counts()) {
        answer.trees += count.trees;
        answer.messages += count.messages;
        auto& state = answer.states[count.state];
        state.trees += count.trees;
        state.messages += count.messages;
        if (count.state == domain::tree_state::kReadyForExport)
            answer.ready_for_export[count.lang] = {count.trees, count.messages};
    }
    answer.formats.assign(std::begin(kFormats), std::end(kFormats));
    return http::Response::json(200, protocol::to_json(answer));
}

http::Response export_file(Call& call) {
    return export_response(call, options_from(call.request));
}

http::Response create_link(Call& call) {
    // The body's fields are the query parameters of GET /admin/export.
    const protocol::Fields fields(call.body);
    http::Fields query;
    for (const char* name : kTextParameters) {
        std::string value;
        if (const auto it = call.body.find(name); it != call.body.end() && it->is_array()) {
            for (const auto& item : fields.string_array(name))
                value += (value.empty() ? "" : ",") + item;
        } else {
            value = fields.string_or(name);
        }
        if (!value.empty()) query.emplace_back(name, value);
    }
    for (const char* name : kBoolParameters)
        if (fields.has(name))
            query.emplace_back(name, fields.bool_or(name, false) ? "true" : "false");
    if (const auto& problem = fields.problem()) throw bad_input(problem->message);
    const std::string query_string = http::form_encode(query);
    // Checked now, so that a wrong option is refused here and not by a browser's download.
    http::Request parsed;
    http::wire::parse_target("/?" + query_string, parsed);
    const ExportOptions options = options_from(parsed);

    const DownloadLink link{query_string, call.user().user.id, call.now + kDownloadLinkLifetimeMs};
    const std::string token = sign_download_link(link, link_key(call));
    const nlohmann::json answer = {{"url", "/api/v1/export/download?link=" + token},
                                   {"file_name", file_name(options, call.now)},
                                   {"expires_at", domain::iso8601(link.expires_ms)}};
    // Who took which data out; the link itself stays out of the log (it is a credential).
    call.audit({"export.link",
                "export",
                answer["file_name"],
                nullptr,
                {{"query", query_string}, {"expires_at", answer["expires_at"]}}});
    return http::Response::json(200, answer);
}

http::Response download(Call& call) {
    const auto token = text_query(call.request, "link", 4000);
    const auto link = token ? verify_download_link(*token, link_key(call), call.now) : std::nullopt;
    if (!link)
        throw domain::refusal(403, "This download link is not valid or has expired; ask for a "
                                   "new one on the Datasets screen.");
    std::optional<store::AccountRecord> account;
    call.database().read([&](store::StatementCache& statements) {
        account = store::AccountStore(statements).find_by_user(link->user_id);
    });
    if (!account || account->role != "admin" || !account->enabled || account->deleted)
        throw domain::refusal(403, "Only an admin's download link works.");
    http::Request parsed;
    http::wire::parse_target("/?" + link->query, parsed);
    return export_response(call, options_from(parsed));
}

void remove_stale_exports(const std::filesystem::path& dir) {
    std::error_code error;
    const auto now = std::filesystem::file_time_type::clock::now();
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with("export-") || !name.ends_with(".jsonl.gz")) continue;
        const auto written = std::filesystem::last_write_time(entry.path(), error);
        if (!error && now - written >= std::chrono::hours(1))
            std::filesystem::remove(entry.path(), error);
    }
}

} // namespace orchard::api::exports

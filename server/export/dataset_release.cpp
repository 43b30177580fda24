#include "server/export/dataset_release.h"

#include "protocol/text.h"
#include "server/domain/config.h"
#include "server/export/datasheet.h"
#include "server/export/exporter.h"
#include "server/export/jsonl_writer.h"
#include "server/store/config_store.h"

#include <array>
#include <fstream>
#include <memory>
#include <sodium.h>
#include <stdexcept>

namespace orchard::exporting {

namespace {

constexpr std::array<Format, 5> kFormats = {Format::Oasst, Format::Messages, Format::Sft,
                                            Format::Preference, Format::Labels};
constexpr std::array<Split, 3> kSplits = {Split::Train, Split::Validation, Split::Test};

std::string sha256_of_file(const std::filesystem::path& file) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::ifstream in(file, std::ios::binary);
    std::array<char, 1 << 16> buffer;
    while (in) {
        in.read(buffer.data(), buffer.size());
        crypto_hash_sha256_update(&state, reinterpret_cast<unsigned char*>(buffer.data()),
                                  static_cast<unsigned long long>(in.gcount()));
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
    crypto_hash_sha256_final(&state, digest.data());
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

nlohmann::json options_json(const ExportOptions& options) {
    return {{"states", options.states},
            {"langs", options.langs},
            {"include_deleted", options.include_deleted},
            {"include_spam", options.include_spam},
            {"include_synthetic", options.include_synthetic},
            {"prompts_only", options.prompts_only},
            {"labels", options.labels},
            {"events", options.events},
            {"all", options.all},
            {"all_paths", options.all_paths},
            {"anonymized", options.anonymize_seed.has_value()},
            {"seed", options.split_seed}};
}

} // namespace

const char* to_string(Split split) {
    switch (split) {
    case Split::Train:
        return "train";
    case Split::Validation:
        return "validation";
    case Split::Test:
        return "test";
    }
    return "train";
}

Split split_of(const std::string& prompt_text, std::uint64_t seed) {
    const std::string text = protocol::trim(prompt_text);
    std::array<unsigned char, 8> key{};
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<unsigned char>(seed >> (8 * i));
    std::array<unsigned char, 8> digest;
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(text.data()), text.size(), key.data(),
                       key.size());
    std::uint64_t value = 0;
    for (unsigned char byte : digest)
        value = value << 8 | byte;
    const auto percent = value % 100;
    return percent < 80 ? Split::Train : percent < 90 ? Split::Validation : Split::Test;
}

ReleaseSummary write_release(store::Database& database, const ExportOptions& options,
                             const std::string& terms) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    const auto& dir = options.dataset_dir;
    std::filesystem::create_directories(dir);
    // One writer per format and split, all open while the trees are walked once.
    std::map<std::pair<Format, Split>, std::unique_ptr<JsonlWriter>> writers;
    for (const Format format : kFormats) {
        std::filesystem::create_directories(dir / to_string(format));
        for (const Split split : kSplits)
            writers[{format, split}] = std::make_unique<JsonlWriter>(
                (dir / to_string(format) / (std::string(to_string(split)) + ".jsonl")).string());
    }
    ExportOptions walk = options;
    walk.review_rows = true;     // the datasheet's agreement figures need every review
    walk.format = Format::Oasst; // every format is written: the walk reads what any of them needs
    const IdMapper ids(options.anonymize_seed);
    Datasheet sheet(options.split_seed);
    nlohmann::json settings;
    ReleaseSummary summary;
    walk_trees(
        database, walk,
        [&](const TreeRows& rows, const ExportNode& prompt) {
            const Split split = split_of(prompt.message.text, options.split_seed);
            for (const Format format : kFormats) {
                ExportOptions as = options;
                as.format = format;
                auto& writer = *writers.at({format, split});
                write_tree(rows.tree, prompt, as, ids,
                           [&](std::string_view line) { writer.write(line); });
            }
            sheet.add_tree(rows, prompt);
            ++summary.trees;
        },
        [&](store::StatementCache& statements) {
            settings = domain::to_json(
                domain::config_from_rows(store::ConfigStore(statements).load_config()));
        });
    std::map<std::string, std::map<std::string, Datasheet::File>> files;
    nlohmann::json manifest_files = nlohmann::json::object();
    for (auto& [key, writer] : writers) {
        writer->close();
        const std::string path =
            std::string(to_string(key.first)) + "/" + to_string(key.second) + ".jsonl";
        files[to_string(key.first)][to_string(key.second)] = {path, writer->lines()};
        manifest_files[path] = {{"lines", writer->lines()},
                                {"sha256", sha256_of_file(dir / path)},
                                {"bytes", std::filesystem::file_size(dir / path)}};
        ++summary.files;
    }
    const auto figures = sheet.figures();
    summary.messages = figures["messages"].get<long>();
    write_text(dir / "README.md", sheet.card(files, settings, terms));
    manifest_files["README.md"] = {{"sha256", sha256_of_file(dir / "README.md")},
                                   {"bytes", std::filesystem::file_size(dir / "README.md")}};
    const nlohmann::json manifest = {{"format_version", 1},
                                     {"options", options_json(options)},
                                     {"figures", figures},
                                     {"tree_manager_settings", settings},
                                     {"files", manifest_files}};
    write_text(dir / "manifest.json", manifest.dump(2) + "\n");
    summary.files += 2;
    return summary;
}

} // namespace orchard::exporting

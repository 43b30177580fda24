#include "server/cli_export.h"

#include "server/domain/language_tag.h"
#include "server/domain/tree_manager.h"

#include <charconv>

namespace orchard {

std::string export_help() {
    return "Usage: orchard export [--format FORMAT] [--out FILE] [options]\n"
           "\n"
           "Writes the conversation trees of the database as JSON Lines, one consistent\n"
           "snapshot even while a server is writing to it (docs/datasets.md).\n"
           "\n"
           "Formats:\n"
           "  oasst        one tree per line with nested replies, as the oasst1/oasst2\n"
           "               releases (default)\n"
           "  messages     one message per line, as oasst1's message files\n"
           "  sft          one conversation per line ending with an assistant reply:\n"
           "               {\"messages\": [{\"role\", \"content\"}], ...}; the best-ranked reply\n"
           "               at each step\n"
           "  preference   chosen/rejected pairs of ranked assistant replies, with the\n"
           "               conversation before them, for reward models and DPO\n"
           "  labels       one labeled message per line with its label averages\n"
           "\n"
           "Options:\n"
           "  --data DIR            folder of the database (default data)\n"
           "  --database URL        a PostgreSQL database instead\n"
           "  --out FILE            where to write; FILE.gz is compressed; - is standard\n"
           "                        output (default)\n"
           "  --state LIST          trees in these states, comma-separated (default\n"
           "                        ready_for_export)\n"
           "  --lang LIST           trees in these languages, comma-separated (default all)\n"
           "  --include-deleted     also messages deleted or hidden by moderation\n"
           "  --include-spam        also messages rejected by review or not yet reviewed\n"
           "  --include-synthetic   also messages written by a model\n"
           "  --user ID             only this user's messages, as a flat list\n"
           "  --prompts-only        each tree's prompt without its replies\n"
           "  --no-labels           leave out the label averages\n"
           "  --events              add each message's emoji, rating and ranking events\n"
           "  --all                 every tree and every message, nothing filtered\n"
           "  --all-paths           sft: every path, not only the best-ranked one\n"
           "  --anonymize SEED      replace every id by one derived from it and SEED\n"
           "  --dataset DIR         write a release folder instead: every format split into\n"
           "                        train, validation and test by tree, manifest.json with\n"
           "                        SHA-256 sums and README.md, the dataset card\n"
           "  --seed N              which trees go to which split (default 1)\n"
           "  --quiet               no progress line\n";
}

Command parse_export(const std::vector<std::string>& args) {
    exporting::ExportOptions options;
    bool chose_labels = false;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        if (arg == "--help" || arg == "-h") return ShowHelp{export_help()};
        if (arg == "--include-deleted") {
            options.include_deleted = true;
        } else if (arg == "--include-spam") {
            options.include_spam = true;
        } else if (arg == "--include-synthetic") {
            options.include_synthetic = true;
        } else if (arg == "--prompts-only") {
            options.prompts_only = true;
        } else if (arg == "--no-labels") {
            options.labels = false;
            chose_labels = true;
        } else if (arg == "--events") {
            options.events = true;
        } else if (arg == "--all") {
            options.all = true;
        } else if (arg == "--all-paths") {
            options.all_paths = true;
        } else if (arg == "--quiet") {
            options.progress = false;
        } else if (arg == "--data" || arg == "--database" || arg == "--out" || arg == "--format" ||
                   arg == "--state" || arg == "--lang" || arg == "--user" || arg == "--anonymize" ||
                   arg == "--dataset" || arg == "--seed") {
            const auto given = value();
            if (!given || given->empty()) return UsageError{arg + " needs a value"};
            if (arg == "--data") options.data_dir = *given;
            if (arg == "--database") options.database = *given;
            if (arg == "--out") options.out = *given;
            if (arg == "--user") options.user_id = *given;
            if (arg == "--anonymize") options.anonymize_seed = *given;
            if (arg == "--dataset") options.dataset_dir = *given;
            if (arg == "--seed") {
                std::uint64_t seed = 0;
                const auto* end = given->data() + given->size();
                const auto [at, error] = std::from_chars(given->data(), end, seed);
                if (error != std::errc() || at != end)
                    return UsageError{"--seed takes a whole number, not '" + *given + "'"};
                options.split_seed = seed;
            }
            if (arg == "--format") {
                const auto format = exporting::format_from(*given);
                if (!format)
                    return UsageError{"--format is oasst, messages, sft, preference or labels, "
                                      "not '" +
                                      *given + "'"};
                options.format = *format;
            }
            if (arg == "--state") {
                options.states = exporting::comma_list(*given);
                for (const auto& state : options.states)
                    if (!domain::tree_state::is_state(state))
                        return UsageError{"--state: no tree state is called '" + state + "'"};
            }
            if (arg == "--lang") {
                options.langs = exporting::comma_list(*given);
                for (const auto& lang : options.langs)
                    if (!domain::is_language_tag(lang))
                        return UsageError{"--lang: '" + lang + "' is not a language tag"};
            }
        } else {
            return UsageError{"unexpected '" + arg + "'\n\n" + export_help()};
        }
    }
    if (auto problem = exporting::settle_options(options, chose_labels && !options.labels))
        return UsageError{*problem};
    return options;
}

std::string import_help() {
    return "Usage: orchard import FILE [--data DIR] [--database URL] [--as ready|growing]\n"
           "                           [--skip-bad]\n"
           "\n"
           "Adds the conversation trees of an oasst file (one tree per line, plain or .gz:\n"
           "oasst1/oasst2 releases or 'orchard export --format oasst') to the database, with\n"
           "their ids, texts, ranks, label averages, emojis, review results and dates. Trees\n"
           "the database has already are left alone, so importing a file twice adds nothing.\n"
           "\n"
           "Options:\n"
           "  --data DIR     folder of the database, created if missing (default data)\n"
           "  --database URL a PostgreSQL database instead\n"
           "  --as STATE     ready (default): the trees are ready for export; growing: people\n"
           "                 may extend them\n"
           "  --skip-bad     import the good lines when some are malformed (by default a\n"
           "                 malformed line stops the import and nothing is written)\n";
}

Command parse_import(const std::vector<std::string>& args) {
    exporting::ImportOptions options;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") return ShowHelp{import_help()};
        if (arg == "--skip-bad") {
            options.skip_bad = true;
        } else if ((arg == "--data" || arg == "--database" || arg == "--as") &&
                   i + 1 < args.size()) {
            const std::string& value = args[++i];
            if (arg == "--data") options.data_dir = value;
            if (arg == "--database") options.database = value;
            if (arg == "--as") {
                if (value != "ready" && value != "growing")
                    return UsageError{"--as is ready or growing, not '" + value + "'"};
                options.as_growing = value == "growing";
            }
        } else if (!arg.starts_with("-") && options.file.empty()) {
            options.file = arg;
        } else {
            return UsageError{"unexpected '" + arg + "'\n\n" + import_help()};
        }
    }
    if (options.file.empty()) return UsageError{"which file?\n\n" + import_help()};
    return options;
}

} // namespace orchard

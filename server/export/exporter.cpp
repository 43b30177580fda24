#include "server/export/exporter.h"

#include "server/domain/tree_manager.h"
#include "server/store/database.h"
#include "server/store/export_store.h"

namespace orchard::exporting {

namespace {

// The tables the options need besides messages.
store::ExportTables tables_for(const ExportOptions& options) {
    store::ExportTables tables;
    tables.labels = writes_labels(options) || options.events || options.review_rows;
    tables.rankings = options.events || options.review_rows;
    tables.reactions = options.events;
    return tables;
}

long count_nodes(const ExportNode& node) {
    long count = 1;
    for (const auto& reply : node.replies)
        count += count_nodes(reply);
    return count;
}

// A user's messages as a flat list (PROTOCOL.md §8), each under the message filters; the tree's
// structure is not theirs to give. Trees in any state unless states are asked for.
void export_user_messages(store::StatementCache& statements, const ExportOptions& options,
                          const IdMapper& ids, const EmitLine& emit, ExportCounts& counts) {
    store::ExportScan scan(statements, {options.states, options.langs, options.user_id},
                           tables_for(options));
    TreeRows rows;
    while (scan.next(rows)) {
        bool any = false;
        for (auto& message : rows.messages) {
            if (message.user_id != options.user_id || !keep_message(message, options)) continue;
            ExportNode node;
            node.message = std::move(message);
            emit(message_line(rows.tree, node, ids));
            ++counts.messages;
            any = true;
        }
        if (any) ++counts.trees;
    }
}

} // namespace

void write_tree(const store::TreeRecord& tree, const ExportNode& prompt,
                const ExportOptions& options, const IdMapper& ids, const EmitLine& emit) {
    switch (options.format) {
    case Format::Oasst:
        emit(oasst_tree(tree, prompt, ids));
        return;
    case Format::Messages:
        message_lines(tree, prompt, ids, emit);
        return;
    case Format::Sft:
        sft_lines(tree, prompt, options.all_paths, ids, emit);
        return;
    case Format::Preference:
        preference_lines(tree, prompt, ids, emit);
        return;
    case Format::Labels:
        label_lines(tree, prompt, ids, emit);
        return;
    }
}

void walk_trees(store::Database& database, const ExportOptions& options, const TreeVisit& visit,
                const std::function<void(store::StatementCache&)>& first) {
    std::vector<std::string> states = options.states;
    if (states.empty() && !options.all) states = {domain::tree_state::kReadyForExport};
    // One read transaction for the whole export: every tree as of the same commit.
    database.read([&](store::StatementCache& statements) {
        if (first) first(statements);
        store::ExportScan scan(statements, {states, options.langs, {}}, tables_for(options));
        TreeRows rows; // reused: its vectors keep their capacity from tree to tree
        while (scan.next(rows))
            if (const auto prompt = build_tree(rows, options)) visit(rows, *prompt);
    });
}

ExportCounts export_trees(store::Database& database, const ExportOptions& options,
                          const EmitLine& emit, const Progress& progress) {
    const IdMapper ids(options.anonymize_seed);
    ExportCounts counts;
    const EmitLine counted = [&](std::string_view line) {
        emit(line);
        ++counts.lines;
    };
    if (!options.user_id.empty()) {
        database.read([&](store::StatementCache& statements) {
            export_user_messages(statements, options, ids, counted, counts);
        });
        return counts;
    }
    walk_trees(database, options, [&](const TreeRows& rows, const ExportNode& prompt) {
        write_tree(rows.tree, prompt, options, ids, counted);
        ++counts.trees;
        counts.messages += count_nodes(prompt);
        if (progress) progress(counts);
    });
    return counts;
}

} // namespace orchard::exporting

#include "server/export/datasheet.h"

#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace orchard::exporting {

namespace {

std::string fixed(double value, int digits) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

std::string count_table(const char* what, const std::map<std::string, long>& counts) {
    std::string table = std::string("| ") + what + " | messages |\n|---|---:|\n";
    for (const auto& [name, count] : counts)
        table += "| " + name + " | " + std::to_string(count) + " |\n";
    return table;
}

// The reviewers' values of each label per message of the tree.
std::unordered_map<std::string, std::map<std::string, std::vector<double>>>
values_by_message(const TreeRows& rows) {
    std::unordered_map<std::string, std::map<std::string, std::vector<double>>> values;
    for (const auto& row : rows.labels) {
        const auto labels = nlohmann::json::parse(row.labels_json, nullptr, false);
        if (!labels.is_object()) continue;
        for (const auto& [name, value] : labels.items())
            if (value.is_number() && name != "rating")
                values[row.message_id][name].push_back(value.get<double>());
    }
    return values;
}

} // namespace

AlphaSampler& Datasheet::sampler(const std::string& label) {
    auto it = alpha_.find(label);
    if (it == alpha_.end())
        it = alpha_.emplace(label, AlphaSampler(seed_ ^ std::hash<std::string>{}(label))).first;
    return it->second;
}

void Datasheet::add_node(const ExportNode& node, const std::string& state) {
    ++messages_;
    ++by_lang_[node.message.lang];
    ++by_role_[node.message.role];
    ++by_state_[state];
    authors_.insert(node.message.user_id);
    for (const auto& [name, average] : node.labels) {
        auto& figures = labels_[std::string(name)];
        ++figures.messages;
        figures.sum += average.value;
        const int bin = std::min(4, static_cast<int>(std::floor(average.value * 5)));
        ++figures.histogram[static_cast<std::size_t>(std::max(0, bin))];
    }
    for (const auto& reply : node.replies)
        add_node(reply, state);
}

void Datasheet::add_tree(const TreeRows& rows, const ExportNode& prompt) {
    ++trees_;
    add_node(prompt, rows.tree.state);
    // Agreement over the messages the release holds.
    std::unordered_map<std::string, const store::MessageRecord*> kept;
    std::function<void(const ExportNode&)> collect = [&](const ExportNode& node) {
        kept[node.message.id] = &node.message;
        for (const auto& reply : node.replies)
            collect(reply);
    };
    collect(prompt);
    for (const auto& [message_id, labels] : values_by_message(rows)) {
        if (!kept.contains(message_id)) continue;
        for (const auto& [name, values] : labels)
            sampler(name).add(values);
    }
    for (const auto& row : rows.labels)
        if (kept.contains(row.message_id)) reviewers_.insert(row.user_id);
    for (const auto& ranking : rows.rankings) {
        if (!kept.contains(ranking.parent_message_id) || ranking.not_rankable) continue;
        ++rankings_;
        rankers_.insert(ranking.user_id);
        const auto ids = nlohmann::json::parse(ranking.ranking_json, nullptr, false);
        if (!ids.is_array()) continue;
        std::vector<int> consensus;
        for (const auto& id : ids) {
            const auto it = id.is_string() ? kept.find(id.get<std::string>()) : kept.end();
            if (it == kept.end() || !it->second->rank) break;
            consensus.push_back(*it->second->rank);
        }
        if (consensus.size() != ids.size()) continue; // a ranked reply is not in the release
        if (const auto tau = kendall_tau(consensus)) {
            tau_sum_ += *tau;
            ++tau_count_;
            if (*tau == 1) ++tau_exact_;
        }
    }
}

nlohmann::json Datasheet::figures() {
    if (!figures_done_) {
        for (auto& [name, sampler] : alpha_)
            alpha_figures_[name] = sampler.estimate();
        figures_done_ = true;
    }
    nlohmann::json json = {{"trees", trees_},
                           {"messages", messages_},
                           {"messages_by_lang", by_lang_},
                           {"messages_by_role", by_role_},
                           {"messages_by_tree_state", by_state_},
                           {"authors", authors_.size()},
                           {"reviewers", reviewers_.size()},
                           {"rankers", rankers_.size()},
                           {"rankings", rankings_}};
    nlohmann::json labels = nlohmann::json::object();
    for (const auto& [name, figures] : labels_) {
        nlohmann::json label = {{"messages", figures.messages},
                                {"mean", figures.sum / static_cast<double>(figures.messages)},
                                {"histogram", figures.histogram}};
        if (auto it = alpha_figures_.find(name); it != alpha_figures_.end()) {
            const auto& alpha = it->second;
            label["alpha_units"] = alpha.units;
            if (alpha.alpha) label["alpha"] = *alpha.alpha;
            if (alpha.low && alpha.high) label["alpha_95"] = {*alpha.low, *alpha.high};
        }
        labels[name] = std::move(label);
    }
    json["labels"] = std::move(labels);
    if (tau_count_ > 0)
        json["ranking_agreement"] = {{"rankings", tau_count_},
                                     {"mean_kendall_tau", tau_sum_ / tau_count_},
                                     {"same_as_consensus", tau_exact_}};
    return json;
}

std::string Datasheet::card(const std::map<std::string, std::map<std::string, File>>& files,
                            const nlohmann::json& settings, const std::string& terms) {
    const auto numbers = figures();
    std::string card = "---\nlicense: cc-by-4.0\nlanguage:\n";
    for (const auto& [lang, count] : by_lang_)
        card += "- " + lang + "\n";
    card += "pretty_name: Orchard conversations\n"
            "task_categories:\n- text-generation\n- text-classification\n"
            "tags:\n- human-feedback\n- conversational\n- oasst\n"
            "configs:\n";
    for (const auto& [config, splits] : files) {
        card += "- config_name: " + config + "\n  data_files:\n";
        for (const auto& [split, file] : splits)
            card += "  - split: " + split + "\n    path: " + file.path + "\n";
    }
    card += "---\n\n# Orchard conversations\n\n"
            "Conversation trees written, reviewed and ranked by people on Orchard, in the formats\n"
            "of docs/datasets.md: `oasst` (trees, as the oasst1/oasst2 releases), `messages`,\n"
            "`sft` (conversations for supervised fine-tuning), `preference` (chosen and rejected\n"
            "replies for reward models and DPO) and `labels` (for text classifiers). Trees are\n"
            "split into train, validation and test by their prompt's text, so a tree, and any\n"
            "other tree with the same prompt, is in one split only.\n\n";
    card += "## Files\n\n| config | split | path | lines |\n|---|---|---|---:|\n";
    for (const auto& [config, splits] : files)
        for (const auto& [split, file] : splits)
            card += "| " + config + " | " + split + " | " + file.path + " | " +
                    std::to_string(file.lines) + " |\n";
    card += "\n## Datasheet\n\n" + std::to_string(trees_) + " trees, " + std::to_string(messages_) +
            " messages by " + std::to_string(authors_.size()) + " authors; " +
            std::to_string(reviewers_.size()) + " reviewers gave labels and " +
            std::to_string(rankers_.size()) + " people gave " + std::to_string(rankings_) +
            " rankings.\n\n";
    card += count_table("language", by_lang_) + "\n" + count_table("role", by_role_) + "\n" +
            count_table("tree state", by_state_) + "\n";
    card += "### Labels and reviewer agreement\n\n"
            "The mean of each message's average, how the averages fall into fifths, and\n"
            "Krippendorff's alpha (interval metric) over messages with two or more values of the\n"
            "label, with a 95% interval from " +
            std::to_string(AlphaSampler::kBootstrapRounds) +
            " bootstrap resamples of the messages (at most " +
            std::to_string(AlphaSampler::kMaxUnits) +
            " messages, sampled uniformly, enter the computation).\n\n"
            "| label | messages | mean | 0-.2 | .2-.4 | .4-.6 | .6-.8 | .8-1 | alpha | 95% "
            "interval |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
    for (const auto& [name, label] : numbers["labels"].items()) {
        card += "| " + name + " | " + std::to_string(label["messages"].get<long>()) + " | " +
                fixed(label["mean"].get<double>(), 2);
        for (const auto& bin : label["histogram"])
            card += " | " + std::to_string(bin.get<long>());
        card += " | " + (label.contains("alpha") ? fixed(label["alpha"].get<double>(), 2) : "n/a");
        card +=
            " | " +
            (label.contains("alpha_95") ? fixed(label["alpha_95"][0].get<double>(), 2) + " to " +
                                              fixed(label["alpha_95"][1].get<double>(), 2)
                                        : "n/a") +
            " |\n";
    }
    card += "\n### Rankings against the consensus\n\n";
    if (numbers.contains("ranking_agreement")) {
        const auto& agreement = numbers["ranking_agreement"];
        card += "Kendall's tau between each person's ranking and the consensus ranks (ranked\n"
                "pairs) of the same replies: mean " +
                fixed(agreement["mean_kendall_tau"].get<double>(), 2) + " over " +
                std::to_string(agreement["rankings"].get<long>()) + " rankings; " +
                std::to_string(agreement["same_as_consensus"].get<long>()) +
                " of them in the consensus order exactly.\n\n";
    } else {
        card += "No ranking of replies that are all in this release.\n\n";
    }
    card += "### Tree manager settings in force\n\n```json\n" + settings.dump(2) + "\n```\n\n";
    card += "### Terms contributors accepted\n\n" + terms + "\n";
    return card;
}

} // namespace orchard::exporting

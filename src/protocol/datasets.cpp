#include "protocol/datasets.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

using nlohmann::json;

namespace {

json tallies_json(const std::map<std::string, TreeTally>& tallies) {
    json object = json::object();
    for (const auto& [name, tally] : tallies)
        object[name] = {{"trees", tally.trees}, {"messages", tally.messages}};
    return object;
}

std::map<std::string, TreeTally> tallies_from(const json& object, const char* key) {
    std::map<std::string, TreeTally> tallies;
    if (auto it = object.find(key); it != object.end() && it->is_object())
        for (const auto& [name, tally] : it->items())
            if (tally.is_object())
                tallies[name] = {read_integer(tally, "trees").value_or(0),
                                 read_integer(tally, "messages").value_or(0)};
    return tallies;
}

} // namespace

json to_json(const DatasetCounts& counts) {
    return {{"trees", counts.trees},
            {"messages", counts.messages},
            {"states", tallies_json(counts.states)},
            {"ready_for_export", tallies_json(counts.ready_for_export)},
            {"formats", counts.formats}};
}

json to_json(const DownloadLinkAnswer& link) {
    return {{"url", link.url}, {"file_name", link.file_name}, {"expires_at", link.expires_at}};
}

std::optional<DatasetCounts> parse_dataset_counts(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    auto trees = read_integer(*j, "trees");
    if (!trees) return std::nullopt;
    DatasetCounts counts;
    counts.trees = *trees;
    counts.messages = read_integer(*j, "messages").value_or(0);
    counts.states = tallies_from(*j, "states");
    counts.ready_for_export = tallies_from(*j, "ready_for_export");
    counts.formats = read_string_list(*j, "formats");
    return counts;
}

std::optional<DownloadLinkAnswer> parse_download_link(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    auto url = read_string(*j, "url");
    if (!url) return std::nullopt;
    return DownloadLinkAnswer{*url, read_string(*j, "file_name").value_or(""),
                              read_string(*j, "expires_at").value_or("")};
}

} // namespace orchard::protocol

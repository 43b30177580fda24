// The admins' Datasets screen (docs/datasets.md): what GET /admin/datasets counts and what
// POST /admin/export/links answers. The server writes them with to_json, the client reads them
// with parse_*.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

struct TreeTally {
    long long trees = 0;
    long long messages = 0; // not deleted
};

struct DatasetCounts {
    long long trees = 0;
    long long messages = 0;
    std::map<std::string, TreeTally> states;           // tree state → tally
    std::map<std::string, TreeTally> ready_for_export; // language → tally of exportable trees
    std::vector<std::string> formats;                  // what GET /admin/export writes
};

struct DownloadLinkAnswer {
    std::string url; // follows without a session: a browser opens it to save the file
    std::string file_name;
    std::string expires_at;
};

nlohmann::json to_json(const DatasetCounts& counts);
nlohmann::json to_json(const DownloadLinkAnswer& link);
std::optional<DatasetCounts> parse_dataset_counts(std::string_view body);
std::optional<DownloadLinkAnswer> parse_download_link(std::string_view body);

} // namespace orchard::protocol

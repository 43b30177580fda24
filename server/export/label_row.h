// Reading one text_labels row ({"name": value, ...}) for an export's label averages: the plain
// rows Orchard writes by hand, fast, and any other row (an imported message's averages) with
// nlohmann, to the same values.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::exporting {

// One label of a row: a number, or an imported average (the value of `count` reviews).
struct LabelValue {
    std::string_view name;
    double value = 0;
    int count = 1;
    bool imported = false;
};

// A decimal such as 0.25 (digits, a point, digits; no exponent) with at most 15 digits, read as
// from_chars reads it, without it; nullopt for anything else.
std::optional<double> short_decimal(std::string_view number);

// A row as Orchard stores it, {"name":number,...} as nlohmann writes it (compact, names sorted,
// none twice), into `values` (names are views into `text`); false for any other row.
bool read_plain_labels(std::string_view text, std::vector<LabelValue>& values);

// Any row, read by nlohmann into `json` (names are views into it): numbers, and imported
// {"value", "count"} averages; what is neither is left out.
void read_any_labels(const std::string& text, nlohmann::json& json,
                     std::vector<LabelValue>& values);

} // namespace orchard::exporting

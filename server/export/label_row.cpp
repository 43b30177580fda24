#include "server/export/label_row.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace orchard::exporting {

// A decimal such as 0.25 (digits, a point, digits; no exponent) with at most 15 digits, whose
// value is exactly the digits as a whole number divided by a power of ten: both are exact in a
// double and a division rounds correctly, so the result is what from_chars gives (the fast path
// of strtod since Clinger). Label values are such numbers; from_chars took a fifth of reading
// them (bench_export, perf). nullopt for anything else.
std::optional<double> short_decimal(std::string_view number) {
    static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                              1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const bool negative = number.starts_with('-');
    if (negative) number.remove_prefix(1);
    const auto point = number.find('.');
    if (point == std::string_view::npos || point == 0 || point + 1 == number.size() ||
        number.find('.', point + 1) != std::string_view::npos || number.size() - 1 > 15)
        return std::nullopt;
    std::uint64_t whole = 0;
    for (const char c : number) {
        if (c == '.') continue;
        if (c < '0' || c > '9') return std::nullopt;
        whole = whole * 10 + static_cast<std::uint64_t>(c - '0');
    }
    const double value = static_cast<double>(whole) / kPowersOfTen[number.size() - 1 - point];
    return negative ? -value : value;
}

namespace {

// A JSON number (RFC 8259's grammar) at the start of `text`, read as nlohmann reads it: an
// integer as an integer, converted to double afterwards; nullopt when it is none or out of range.
std::optional<double> read_number(std::string_view& text) {
    const std::size_t whole_start = text.starts_with('-') ? 1 : 0;
    std::size_t end = whole_start;
    auto digits = [&] {
        const std::size_t start = end;
        while (end < text.size() && text[end] >= '0' && text[end] <= '9')
            ++end;
        return end > start;
    };
    if (!digits()) return std::nullopt;
    if (text[whole_start] == '0' && end - whole_start > 1) return std::nullopt; // a leading 0
    bool integer = true;
    if (end < text.size() && text[end] == '.') {
        ++end;
        if (!digits()) return std::nullopt;
        integer = false;
    }
    if (end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
        ++end;
        if (end < text.size() && (text[end] == '+' || text[end] == '-')) ++end;
        if (!digits()) return std::nullopt;
        integer = false;
    }
    const char* first = text.data();
    const char* last = text.data() + end;
    double value = 0;
    if (const auto exact = short_decimal(text.substr(0, end))) {
        value = *exact;
    } else if (integer) {
        std::int64_t whole = 0;
        if (std::from_chars(first, last, whole).ec != std::errc()) return std::nullopt;
        value = static_cast<double>(whole);
    } else if (std::from_chars(first, last, value).ec != std::errc()) {
        return std::nullopt;
    }
    text.remove_prefix(end);
    return value;
}

} // namespace

// A label row as Orchard stores it, {"name":number,...} as nlohmann writes it (compact, names
// sorted, none twice), read by hand: parsing every row with nlohmann took a quarter of an export's
// time (bench_export, perf). Any other row (spaces, escapes, imported averages) is left to
// nlohmann: false.
bool read_plain_labels(std::string_view text, std::vector<LabelValue>& values) {
    values.clear();
    if (!text.starts_with('{')) return false;
    text.remove_prefix(1);
    if (text == "}") return true;
    while (true) {
        if (!text.starts_with('"')) return false;
        const auto close = text.find('"', 1);
        if (close == std::string_view::npos) return false;
        const auto name = text.substr(1, close - 1);
        // Printable ASCII, as every name of the catalogue: escapes, control characters and
        // bytes nlohmann might refuse (then it drops the whole row) go the slow way.
        if (std::any_of(name.begin(), name.end(),
                        [](char c) { return c < 0x20 || c > 0x7e || c == '\\'; }))
            return false;
        // Sorted and distinct, as nlohmann writes them: a name given twice counts once there.
        if (!values.empty() && !(values.back().name < name)) return false;
        text.remove_prefix(close + 1);
        if (!text.starts_with(':')) return false;
        text.remove_prefix(1);
        const auto value = read_number(text);
        if (!value) return false;
        values.push_back({name, *value});
        if (text == "}") return true;
        if (!text.starts_with(',')) return false;
        text.remove_prefix(1);
    }
}

// The same labels read by nlohmann, for rows that are not plain (an imported message carries its
// file's averages as one row of {"value", "count"} objects, server/export/importer.h).
void read_any_labels(const std::string& text, nlohmann::json& json,
                     std::vector<LabelValue>& values) {
    values.clear();
    json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) return;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const std::string_view key = it.key(); // the object's own key: lives as long as `json`
        const auto& value = *it;
        if (value.is_number()) {
            values.push_back({key, value.get<double>()});
        } else if (value.is_object() && value.contains("value") && value["value"].is_number() &&
                   value.contains("count") && value["count"].is_number_integer() &&
                   value["count"].get<int>() > 0) {
            values.push_back({key, value["value"].get<double>(), value["count"].get<int>(), true});
        }
    }
}

} // namespace orchard::exporting

#include "server/export/export_options.h"

namespace orchard::exporting {

namespace {

struct FormatName {
    Format format;
    const char* name;
};

constexpr FormatName kFormatNames[] = {
    {Format::Oasst, "oasst"},           {Format::Messages, "messages"}, {Format::Sft, "sft"},
    {Format::Preference, "preference"}, {Format::Labels, "labels"},
};

} // namespace

const char* to_string(Format format) {
    for (const auto& entry : kFormatNames)
        if (entry.format == format) return entry.name;
    return "oasst";
}

std::optional<Format> format_from(const std::string& name) {
    for (const auto& entry : kFormatNames)
        if (name == entry.name) return entry.format;
    return std::nullopt;
}

std::optional<std::string> settle_options(ExportOptions& options, bool labels_turned_off) {
    if (options.format == Format::Labels) {
        if (labels_turned_off) return "the labels format writes labels: they cannot be off";
        options.labels = true;
    }
    if (!options.user_id.empty()) {
        if (options.format != Format::Messages && options.format != Format::Oasst)
            return "a user's messages are a flat list: use the messages format";
        if (!options.dataset_dir.empty())
            return "a release holds whole trees, not one user's messages";
        options.format = Format::Messages;
    }
    return std::nullopt;
}

bool writes_labels(const ExportOptions& options) {
    return options.labels && options.format != Format::Sft && options.format != Format::Preference;
}

std::vector<std::string> comma_list(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const auto end = comma == std::string::npos ? text.size() : comma;
        if (end > start) items.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

} // namespace orchard::exporting

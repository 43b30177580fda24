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

} // namespace orchard::exporting

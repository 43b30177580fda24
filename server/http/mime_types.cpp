#include "server/http/mime_types.h"

#include <array>
#include <utility>

namespace orchard::http {

std::string mime_type_for(std::string_view file_name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".wasm", "application/wasm"},
        {".data", "application/octet-stream"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".md", "text/markdown; charset=utf-8"},
        {".ttf", "font/ttf"},
        {".woff2", "font/woff2"},
    }};
    for (const auto& [extension, type] : kTypes) {
        if (file_name.size() >= extension.size() &&
            file_name.substr(file_name.size() - extension.size()) == extension)
            return std::string(type);
    }
    return "application/octet-stream";
}

bool is_compressible(std::string_view mime_type) {
    return mime_type.starts_with("text/") || mime_type.starts_with("application/json") ||
           mime_type.starts_with("application/manifest+json") || mime_type == "application/wasm" ||
           mime_type == "application/octet-stream" || mime_type == "image/svg+xml" ||
           mime_type == "font/ttf";
}

} // namespace orchard::http

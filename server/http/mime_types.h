// Content types of the files the server serves, by file name extension.
#pragma once

#include <string>
#include <string_view>

namespace orchard::http {

std::string mime_type_for(std::string_view file_name);
// Text-like types shrink well with gzip; images and fonts in compressed formats do not.
bool is_compressible(std::string_view mime_type);

} // namespace orchard::http

// gzip compression (zlib) for static files, done once when they are loaded.
#pragma once

#include <string>
#include <string_view>

namespace orchard::http {

std::string gzip_compress(std::string_view data);

} // namespace orchard::http

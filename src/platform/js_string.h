// Strings handed from JavaScript to C++: the EM_JS side copies a JS string into memory it takes
// with _malloc; this copies it into a std::string and gives that memory back.
#pragma once

#include <string>

namespace orchard::platform {

// A null pointer (JS had nothing to give) is the empty string.
std::string take_js_string(char* pointer);

} // namespace orchard::platform

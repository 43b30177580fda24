#include "platform/js_string.h"

#include <cstdlib>

namespace orchard::platform {

std::string take_js_string(char* pointer) {
    std::string text(pointer ? pointer : "");
    std::free(pointer);
    return text;
}

} // namespace orchard::platform

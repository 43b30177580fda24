// What is wrong with a request body that is not JSON, said so that a frontend can fix it. JSON
// is UTF-8 text, so a name with bytes that are not UTF-8 makes the whole body unreadable; the
// answer names the field that holds them ("user.display_name must be UTF-8 text.") rather than
// only refusing the body.
#pragma once

#include <string>
#include <string_view>

namespace orchard::api {

// The message for a body that nlohmann::json::parse refused.
std::string invalid_body_message(std::string_view body);

} // namespace orchard::api

// Query strings and form bodies for the requests the server sends (outgoing_client.h), percent-
// encoded as the HTTP library does it.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace orchard::http {

using Fields = std::vector<std::pair<std::string, std::string>>;

// An application/x-www-form-urlencoded body, fields in name order.
std::string form_encode(const Fields& fields);

// `url` with `fields` added to its query (after a '&' when it has a query already), in name order.
std::string append_query(const std::string& url, const Fields& fields);

} // namespace orchard::http

#include "server/http/url_encoding.h"

#include <httplib.h>

namespace orchard::http {

std::string form_encode(const Fields& fields) {
    return httplib::detail::params_to_query_str(httplib::Params(fields.begin(), fields.end()));
}

std::string append_query(const std::string& url, const Fields& fields) {
    return httplib::append_query_params(url, httplib::Params(fields.begin(), fields.end()));
}

} // namespace orchard::http

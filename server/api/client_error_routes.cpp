#include "server/api/client_error_routes.h"

#include "server/api/api_errors.h"
#include "server/api/request_runner.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/rate_limiter.h"
#include "server/domain/request_fields.h"
#include "server/http/request_log.h"

#include <memory>
#include <string>

namespace orchard::api {

namespace {

constexpr std::size_t kMaxMessageChars = 2000;
constexpr std::size_t kMaxStackChars = 8000;
constexpr std::size_t kMaxShortFieldChars = 500;
// A client in a crash loop reports once per reload; a few a minute tell the story.
constexpr int kReportsPerAddressPerMinute = 6;

std::string bounded_field(const domain::RequestFields& fields, std::string_view key,
                          std::size_t max_chars, bool required = false) {
    std::string value = required ? fields.required_string(key) : fields.string_or(key);
    if (value.size() > max_chars)
        throw domain::bad_input(fields.field_name(key) + " is longer than " +
                                std::to_string(max_chars) + " bytes.");
    return value;
}

// One log line per report: control characters (a forged newline would forge a log line) become
// spaces.
std::string one_line(std::string text) {
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return text;
}

} // namespace

void add_client_error_routes(http::Router& router) {
    auto limiter = std::make_shared<domain::RateLimiter>();
    auto log = std::make_shared<http::ErrorLog>(20);
    router.add("POST", "/api/v1/client_errors",
               [limiter, log](const http::Request& request, const http::PathParams&) {
                   auto body = parse_body(request);
                   if (!body) return invalid_json_response(request);
                   if (!body->is_object()) return not_an_object_response(*body);
                   try {
                       const domain::RequestFields fields(*body);
                       const std::string message =
                           bounded_field(fields, "message", kMaxMessageChars, true);
                       const std::string stack = bounded_field(fields, "stack", kMaxStackChars);
                       const std::string url = bounded_field(fields, "url", kMaxShortFieldChars);
                       const std::string version =
                           bounded_field(fields, "client_version", kMaxShortFieldChars);
                       if (auto wait_ms = limiter->take({{"address:" + request.remote_address,
                                                          kReportsPerAddressPerMinute, 60'000}},
                                                        domain::now_ms())) {
                           domain::DomainError error(protocol::ErrorCode::TooManyRequests,
                                                     "Too many error reports. Please wait.");
                           error.retry_after_sec = (*wait_ms + 999) / 1000;
                           throw error;
                       }
                       log->write(one_line("client " + request.remote_address + " (version " +
                                           version + ", " + url + "): " + message +
                                           (stack.empty() ? "" : " | stack: " + stack)));
                       return no_content();
                   } catch (const domain::DomainError& error) {
                       return error_response(error);
                   }
               });
}

} // namespace orchard::api

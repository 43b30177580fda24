#include "server/api/client_error_routes.h"

#include "server/domain/domain_error.h"
#include "server/domain/request_fields.h"

#include <string>
#include <vector>

namespace orchard::api::client_errors {

namespace {

constexpr std::size_t kMaxMessageChars = 2000;
constexpr std::size_t kMaxStackChars = 8000;
constexpr std::size_t kMaxShortFieldChars = 500;
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

std::vector<domain::RateLimit> report_budgets(Call& call) {
    return {{"address:" + call.request.remote_address, kReportsPerAddressPerMinute, 60'000}};
}

} // namespace

const RateLimitRule kReportLimit = {report_budgets, "Too many error reports. Please wait.",
                                    "error_reports"};

http::Response report(Call& call) {
    const domain::RequestFields fields(call.body);
    const std::string message = bounded_field(fields, "message", kMaxMessageChars, true);
    const std::string stack = bounded_field(fields, "stack", kMaxStackChars);
    const std::string url = bounded_field(fields, "url", kMaxShortFieldChars);
    const std::string version = bounded_field(fields, "client_version", kMaxShortFieldChars);
    call.take_rate_limit();
    call.services.client_errors.write(
        one_line("client " + call.request.remote_address + " (version " + version + ", " + url +
                 "): " + message + (stack.empty() ? "" : " | stack: " + stack)));
    return no_content();
}

} // namespace orchard::api::client_errors

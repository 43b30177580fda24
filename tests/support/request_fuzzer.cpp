#include "tests/support/request_fuzzer.h"

#include "tests/support/json_mutations.h"

#include <cstdio>
#include <iterator>
#include <nlohmann/json.hpp>

namespace orchard::test {

using nlohmann::json;

namespace {

size_t pick(std::mt19937_64& rng, size_t count) {
    return std::uniform_int_distribution<size_t>(0, count - 1)(rng);
}

const std::vector<std::string> kContentTypes = {"application/json",
                                                "text/plain",
                                                "application/x-www-form-urlencoded",
                                                "multipart/form-data; boundary=x",
                                                "application/json; charset=latin1",
                                                ""};
const std::vector<std::string> kQueryNames = {"max_count",    "before",     "after",  "offset",
                                              "lang",         "halt",       "days",   "window_size",
                                              "search_query", "message_id", "api_key"};

// 503 is the protocol's answer for "no task of that kind" (1006), a disabled user (4001) and a
// sign-in method this server has not set up; every other 5xx is a fault.
bool allowed_server_status(const ApiRoute& route, int status, const json& body) {
    if (status != 503) return false;
    const int code =
        body.is_object() && body.contains("error_code") && body["error_code"].is_number_integer()
            ? body["error_code"].get<int>()
            : -1;
    return code == 1006 || code == 4001 || (code == 0 && route.pattern == "/api/v1/auth/email");
}

bool error_object(const json& body) {
    return body.is_object() && body.contains("error_code") &&
           body["error_code"].is_number_integer() && body.contains("message") &&
           body["message"].is_string();
}

} // namespace

std::string FuzzRequest::bytes() const {
    return route.method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

RequestFuzzer::RequestFuzzer(std::vector<ApiRoute> routes, SampleIds ids)
    : routes_(std::move(routes)), ids_(std::move(ids)) {}

std::optional<FuzzRequest> RequestFuzzer::next(std::mt19937_64& rng,
                                               const FuzzCallers& callers) const {
    const ApiRoute& route = routes_[pick(rng, routes_.size())];
    auto sample = sample_request(route, ids_);
    if (!sample) return std::nullopt;

    // What to damage; one in ten requests goes undamaged, so valid paths run too.
    const size_t kind = pick(rng, 10);
    std::string body_text = sample->body.is_null() ? "" : sample->body.dump();
    if (kind <= 2)
        body_text = mutate_json(sample->body.is_null() ? json::object() : sample->body, rng)
                        .dump(-1, ' ', false, json::error_handler_t::replace);
    else if (kind == 3)
        body_text = mutate_body_text(body_text, rng);
    std::map<std::string, std::string> query = sample->query;
    if (kind == 4 || kind == 5) {
        if (!query.empty() && pick(rng, 3) != 0) {
            auto it = std::next(query.begin(), static_cast<long>(pick(rng, query.size())));
            it->second = mutate_text(it->second, rng);
        } else {
            query[kQueryNames[pick(rng, kQueryNames.size())]] = mutate_text("1", rng);
        }
    }
    if (kind == 6 && !sample->path.empty()) {
        auto it =
            std::next(sample->path.begin(), static_cast<long>(pick(rng, sample->path.size())));
        it->second = mutate_text(it->second, rng);
    }
    for (auto& [name, value] : sample->path)
        value = percent_encode(value);
    std::string target = fill_path(route.pattern, sample->path);
    char separator = '?';
    for (const auto& [name, value] : query) {
        target += separator + percent_encode(name) + "=" + percent_encode(value);
        separator = '&';
    }

    // Who calls: mostly a trusted frontend (it reaches the most code), sometimes an untrusted
    // one, a signed-in guest, or nobody.
    std::string headers;
    std::string oasst_user = "local:" + ids_.user;
    if (kind == 7) oasst_user = mutate_header_value(oasst_user, rng);
    switch (pick(rng, 10)) {
    case 0:
        break;
    case 1:
    case 2:
        headers += "Authorization: Bearer " + callers.session + "\r\n";
        break;
    case 3:
        headers +=
            "X-API-Key: " + callers.untrusted_key + "\r\nx-oasst-user: " + oasst_user + "\r\n";
        break;
    default:
        headers += "X-API-Key: " + callers.trusted_key + "\r\nx-oasst-user: " + oasst_user + "\r\n";
    }
    const std::string content_type =
        kind == 8 ? kContentTypes[pick(rng, kContentTypes.size())] : "application/json";
    if (!content_type.empty()) headers += "Content-Type: " + content_type + "\r\n";
    if (kind == 9 && pick(rng, 4) == 0) headers += "Content-Encoding: gzip\r\n";
    return FuzzRequest{route, std::move(target), std::move(headers), std::move(body_text)};
}

void FuzzOutcome::add(const FuzzOutcome& other) {
    requests += other.requests;
    server_errors += other.server_errors;
    dropped += other.dropped;
    shapeless += other.shapeless;
    for (const auto& [route, count] : other.errors_by_route)
        errors_by_route[route] += count;
    for (const auto& [route, count] : other.server_errors_by_route)
        server_errors_by_route[route] += count;
    examples.insert(examples.end(), other.examples.begin(), other.examples.end());
    fault_requests.insert(fault_requests.end(), other.fault_requests.begin(),
                          other.fault_requests.end());
}

FuzzSender::FuzzSender(int port)
    : port_(port), connection_(std::make_unique<RawConnection>(port)) {}

bool FuzzSender::send(const FuzzRequest& request, FuzzOutcome& outcome) {
    const ApiRoute& route = request.route;
    ++outcome.requests;
    std::optional<RawConnection::Response> response;
    if (connection_->connected() && connection_->send(request.bytes()))
        response = connection_->read_response(std::chrono::seconds(60), route.method == "HEAD");
    auto remember = [&](const std::string& what, bool fault) {
        ++outcome.errors_by_route[route.name()];
        if (outcome.examples.size() < 12)
            outcome.examples.push_back(what + " for " +
                                       printable(route.method + " " + request.target) +
                                       "\n    headers: " + printable(request.headers) +
                                       "\n    body: " + printable(request.body));
        if (fault && outcome.fault_requests.size() < 5)
            outcome.fault_requests.push_back(request.bytes());
    };
    if (!response) {
        ++outcome.dropped;
        remember("no answer (connection dropped)", true);
        connection_ = std::make_unique<RawConnection>(port_);
        return false;
    }
    const json answer = json::parse(response->body, nullptr, false);
    if (response->status >= 500 && !allowed_server_status(route, response->status, answer)) {
        ++outcome.server_errors;
        ++outcome.server_errors_by_route[route.name()];
        remember(std::to_string(response->status) + " " + printable(response->body, 200), true);
    } else if (response->status >= 400 && !error_object(answer)) {
        ++outcome.shapeless;
        remember(std::to_string(response->status) +
                     " without an error object: " + printable(response->body, 200),
                 false);
    }
    const auto close = response->headers.find("connection");
    if (close != response->headers.end() && close->second == "close")
        connection_ = std::make_unique<RawConnection>(port_);
    return true;
}

std::string printable(const std::string& bytes, size_t limit) {
    std::string shown;
    for (unsigned char c : bytes.substr(0, limit)) {
        if (c >= 0x20 && c < 0x7F) {
            shown.push_back(static_cast<char>(c));
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
            shown += escaped;
        }
    }
    return shown + (bytes.size() > limit ? "...(" + std::to_string(bytes.size()) + " bytes)" : "");
}

} // namespace orchard::test

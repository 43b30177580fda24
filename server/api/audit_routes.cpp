#include "server/api/audit_routes.h"

#include "server/api/query_params.h"
#include "server/domain/audit_log.h"

#include <limits>

namespace orchard::api::audit {

namespace {

constexpr std::int64_t kLargestSeq = std::numeric_limits<std::int64_t>::max();

std::optional<std::int64_t> seq_query(const http::Request& request, const char* name) {
    if (!text_query(request, name, 32)) return std::nullopt;
    return int_query(request, name, 0, 0, kLargestSeq);
}

} // namespace

http::Response list(Call& call) {
    store::AuditFilter filter;
    filter.actor_user_id = text_query(call.request, "actor", 64);
    filter.action = text_query(call.request, "action", 64);
    filter.target_id = text_query(call.request, "target", 200);
    filter.after_seq = seq_query(call.request, "after");
    filter.before_seq = seq_query(call.request, "before");
    filter.limit = static_cast<int>(int_query(call.request, "max_count", 100, 1, 500));
    const auto rows = store::AuditStore(call.store().statements()).page(filter);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : rows)
        items.push_back(domain::audit_row_json(row));
    const bool more = static_cast<int>(rows.size()) == filter.limit;
    return http::Response::json(
        200,
        {{"items", std::move(items)},
         {"next", more ? nlohmann::json(std::to_string(rows.back().seq)) : nlohmann::json(nullptr)},
         {"order", filter.after_seq ? "asc" : "desc"}});
}

http::Response verify(Call& call) {
    const auto check = domain::verify_audit_log(call.store().statements());
    return http::Response::json(
        200, {{"intact", check.problem.empty()},
              {"rows", check.rows},
              {"head", check.head},
              {"problem",
               check.problem.empty() ? nlohmann::json(nullptr) : nlohmann::json(check.problem)},
              {"bad_id", check.bad_seq ? nlohmann::json(check.bad_seq) : nlohmann::json(nullptr)}});
}

} // namespace orchard::api::audit

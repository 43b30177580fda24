#include "server/domain/request_fields.h"

#include "server/domain/domain_error.h"

namespace orchard::domain {

void raise(const protocol::FieldProblem& problem) {
    if (problem.code == protocol::ErrorCode::Generic) throw bad_input(problem.message);
    throw DomainError(problem.code, problem.message);
}

RequestFields::RequestFields(const nlohmann::json& object, std::string name)
    : fields_(object, std::move(name)) {
    raise_problem();
}

void RequestFields::raise_problem() const {
    if (fields_.problem()) raise(*fields_.problem());
}

std::string RequestFields::field_name(std::string_view key) const {
    return fields_.field_name(key);
}

bool RequestFields::has(std::string_view key) const {
    return fields_.has(key);
}

std::string RequestFields::string_or(std::string_view key, std::string fallback) const {
    return checked(fields_.string_or(key, std::move(fallback)));
}

std::string RequestFields::required_string(std::string_view key) const {
    return checked(fields_.required_string(key));
}

bool RequestFields::bool_or(std::string_view key, bool fallback) const {
    return checked(fields_.bool_or(key, fallback));
}

std::int64_t RequestFields::int_or(std::string_view key, std::int64_t fallback, std::int64_t min,
                                   std::int64_t max) const {
    return checked(fields_.int_or(key, fallback, min, max));
}

std::optional<double> RequestFields::number(std::string_view key) const {
    return checked(fields_.number(key));
}

const nlohmann::json* RequestFields::object(std::string_view key) const {
    return checked(fields_.object(key));
}

const nlohmann::json* RequestFields::array(std::string_view key) const {
    return checked(fields_.array(key));
}

std::vector<std::string> RequestFields::string_array(std::string_view key) const {
    return checked(fields_.string_array(key));
}

std::vector<std::int64_t> RequestFields::int_array(std::string_view key) const {
    return checked(fields_.int_array(key));
}

} // namespace orchard::domain

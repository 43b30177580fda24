#include "server/domain/label_input.h"

#include "server/domain/domain_error.h"
#include "server/domain/labels.h"

namespace orchard::domain {

using protocol::ErrorCode;

void check_label_types(const nlohmann::json& body) {
    const auto labels = body.find("labels");
    if (labels == body.end() || !labels->is_object())
        throw DomainError(ErrorCode::InvalidLabel, "labels must be an object of label values.");
    for (const auto& [name, value] : labels->items())
        if (!value.is_number())
            throw DomainError(ErrorCode::InvalidLabel, "Label '" + name + "' must be a number.");
}

std::map<std::string, double> checked_label_values(const nlohmann::json& body,
                                                   const std::vector<std::string>& valid,
                                                   const std::vector<std::string>& mandatory) {
    check_label_types(body);
    std::map<std::string, double> values;
    for (const auto& [name, value] : body.at("labels").items())
        values[name] = value.get<double>();
    if (auto error = validate_labels(values, valid, mandatory))
        throw DomainError(static_cast<ErrorCode>(error->code), error->message);
    return values;
}

} // namespace orchard::domain

#include "server/domain/label_input.h"

#include "server/domain/domain_error.h"
#include "server/domain/labels.h"

namespace orchard::domain {

void check_label_values(const std::map<std::string, double>& values,
                        const std::vector<std::string>& valid,
                        const std::vector<std::string>& mandatory) {
    if (auto error = validate_labels(values, valid, mandatory))
        throw DomainError(static_cast<protocol::ErrorCode>(error->code), error->message);
}

} // namespace orchard::domain

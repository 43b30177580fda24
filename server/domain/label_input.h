// Labels as a request sends them, checked once for both task reviews and free labels: names from
// `valid`, values in range, every mandatory one present. Their types were checked when the body
// was parsed (protocol::parse_interaction, protocol::parse_text_labels).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace orchard::domain {

// Throws DomainError 2051 (invalid label) or 2052 (mandatory label missing).
void check_label_values(const std::map<std::string, double>& values,
                        const std::vector<std::string>& valid,
                        const std::vector<std::string>& mandatory);

} // namespace orchard::domain

// Labels as a request sends them ({"labels": {"name": value}}), read and checked once for both
// task reviews and free labels: numbers only, names from `valid`, every mandatory one present.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace orchard::domain {

// Throws DomainError 2051 (invalid label) or 2052 (mandatory label missing).
std::map<std::string, double> checked_label_values(const nlohmann::json& body,
                                                   const std::vector<std::string>& valid,
                                                   const std::vector<std::string>& mandatory);

} // namespace orchard::domain

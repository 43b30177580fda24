// Labels as a request sends them ({"labels": {"name": value}}), read and checked once for both
// task reviews and free labels: numbers only, names from `valid`, every mandatory one present.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace orchard::domain {

// Only the shape: "labels" is an object of numbers. Throws DomainError 2051 (invalid label)
// naming the field, so that a wrong type is refused before anything is looked up.
void check_label_types(const nlohmann::json& body);

// Throws DomainError 2051 (invalid label) or 2052 (mandatory label missing).
std::map<std::string, double> checked_label_values(const nlohmann::json& body,
                                                   const std::vector<std::string>& valid,
                                                   const std::vector<std::string>& mandatory);

} // namespace orchard::domain

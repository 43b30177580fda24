// The fields of each kind of task interaction (PROTOCOL.md §2) and their types, checked before
// the task is looked up: a field of the wrong type is refused with 400 naming it, whatever state
// the task is in, and nothing is read from or written to the database first.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace orchard::domain {

// Throws a 400 DomainError naming the first field of `body` whose type does not fit an
// interaction of `type`; unknown types are left to the caller.
void check_interaction_types(const nlohmann::json& body, const std::string& type);

} // namespace orchard::domain

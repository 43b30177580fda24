// Frontend API keys: random, shown once when created, stored only as a hash.
#pragma once

#include <string>

namespace orchard::api {

std::string new_api_key();
std::string hash_api_key(const std::string& key);

} // namespace orchard::api

// The command lines of `orchard export` and `orchard import` (parsing only; server/main.cpp runs
// them).
#pragma once

#include "server/cli_options.h"

namespace orchard {

std::string export_help();
Command parse_export(const std::vector<std::string>& args);
std::string import_help();
Command parse_import(const std::vector<std::string>& args);

} // namespace orchard

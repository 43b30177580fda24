// `orchard export`'s command line (parsing only; server/main.cpp runs it).
#pragma once

#include "server/cli_options.h"

namespace orchard {

std::string export_help();
Command parse_export(const std::vector<std::string>& args);

} // namespace orchard

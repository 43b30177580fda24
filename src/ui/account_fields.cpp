#include "ui/account_fields.h"

#include <string>

namespace orchard::ui {

const char* new_password_hint() {
    static const std::string hint =
        "at least " + std::to_string(protocol::kPasswordMinLength) + " characters";
    return hint.c_str();
}

} // namespace orchard::ui

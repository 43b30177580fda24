#include "ui/account_fields.h"

#include "i18n/translator.h"

#include <string>

namespace orchard::ui {

using i18n::tr_count;

const char* new_password_hint() {
    // Written afresh on each call, in the language of the moment.
    static std::string hint;
    hint = tr_count("account.new_password_hint", static_cast<double>(protocol::kPasswordMinLength));
    return hint.c_str();
}

} // namespace orchard::ui

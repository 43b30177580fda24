// The test programs' main: Catch2's, after making the interface's English catalog active, so that
// client code under test words its sentences as the browser client does.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "i18n/translator.h"

#include <cstdio>

int main(int argc, char* argv[]) {
    std::string error;
    auto english = orchard::i18n::Catalog::read_file(ORCHARD_PUBLIC_DIR "/locales/en.json", &error);
    if (!english) {
        std::fprintf(stderr, "the English catalog (%s/locales/en.json) is unreadable: %s\n",
                     ORCHARD_PUBLIC_DIR, error.c_str());
        return 1;
    }
    orchard::i18n::set_active(orchard::i18n::Translator("en", std::move(*english)));
    return Catch::Session().run(argc, argv);
}

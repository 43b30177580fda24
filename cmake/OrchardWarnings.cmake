# Warnings are errors in our own code; third-party sources get their own, quieter flags.
add_library(orchard_warnings INTERFACE)
target_compile_options(orchard_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual
  -Wimplicit-fallthrough -Werror
  -Wno-missing-field-initializers) # designated initializers leave defaulted members out on purpose
# GCC 12 reports false -Wrestrict errors inside std::string at -O2/-O3 (GCC bug 105329).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(orchard_warnings INTERFACE -Wno-restrict)
endif()

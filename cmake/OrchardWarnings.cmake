# Warnings are errors in our own code; third-party sources get their own, quieter flags.
add_library(orchard_warnings INTERFACE)
target_compile_options(orchard_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual
  -Wimplicit-fallthrough -Werror
  -Wno-missing-field-initializers) # designated initializers leave defaulted members out on purpose

// How large the interface is drawn: a zoom of everything, text and touch targets alike, that the
// layout follows (a wider zoom leaves fewer CSS pixels across, so the phone layout takes over
// sooner). Chosen in the settings or by pinching; kiosks start larger, for fingers at arm's length.
#pragma once

#include <array>

namespace orchard::client {

inline constexpr std::array<double, 5> kUiScales = {1.0, 1.25, 1.5, 1.75, 2.0};
inline constexpr double kKioskUiScale = 1.25;

// The offered scale nearest to `scale` (anything out of range, or not a number, goes to the
// nearest end; a stored value from elsewhere cannot make the interface unusable).
double nearest_ui_scale(double scale);

} // namespace orchard::client

// The ids of an anonymous release (`orchard export --anonymize SEED`): every message, tree and
// user id replaced by a UUID derived from it with a keyed hash (BLAKE2b keyed by the seed), so
// that the same seed maps the same id the same way in every file and every run, links between
// messages survive, and no original id is left. Without a seed ids pass unchanged.
#pragma once

#include <array>
#include <optional>
#include <string>

namespace orchard::exporting {

class IdMapper {
  public:
    explicit IdMapper(const std::optional<std::string>& seed);

    std::string operator()(const std::string& id) const;
    std::optional<std::string> operator()(const std::optional<std::string>& id) const;

  private:
    bool anonymous_ = false;
    std::array<unsigned char, 32> key_{};
};

} // namespace orchard::exporting

// The client's KeyValueStore in the browser: window.localStorage. Reads and writes are
// synchronous, so a draft saved after a keystroke is on disk before the next frame.
#pragma once

#include "client/key_value_store.h"

namespace orchard::platform {

class LocalStorage : public client::KeyValueStore {
  public:
    std::optional<std::string> get(const std::string& key) const override;
    bool set(const std::string& key, const std::string& value) override;
    void remove(const std::string& key) override;
    void clear() override;
};

} // namespace orchard::platform

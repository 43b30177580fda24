// Where the client keeps what must survive a reload: the session token, the chosen data language
// and the draft being written. In the browser it is localStorage (platform/local_storage); in
// native tests a map.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace orchard::client {

class KeyValueStore {
  public:
    virtual ~KeyValueStore() = default;
    virtual std::optional<std::string> get(const std::string& key) const = 0;
    // Returns false when the value could not be stored (storage full or disabled).
    virtual bool set(const std::string& key, const std::string& value) = 0;
    virtual void remove(const std::string& key) = 0;
    // Forgets everything this page kept (a kiosk visitor leaving): in the browser all of its
    // storage, not only Orchard's keys.
    virtual void clear() = 0;
};

class MemoryStore : public KeyValueStore {
  public:
    std::optional<std::string> get(const std::string& key) const override {
        auto it = values_.find(key);
        if (it == values_.end()) return std::nullopt;
        return it->second;
    }
    bool set(const std::string& key, const std::string& value) override {
        values_[key] = value;
        return true;
    }
    void remove(const std::string& key) override { values_.erase(key); }
    void clear() override { values_.clear(); }
    bool empty() const { return values_.empty(); }

  private:
    std::map<std::string, std::string> values_;
};

} // namespace orchard::client

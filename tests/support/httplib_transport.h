// The client's Transport over a real HTTP connection, for running client logic natively against
// the real server in tests. Synchronous: `done` runs before send() returns.
#pragma once

#include "client/transport.h"

#include <memory>
#include <string>

namespace httplib {
class Client;
}

namespace orchard::test {

class HttplibTransport : public client::Transport {
  public:
    explicit HttplibTransport(const std::string& base_url);
    ~HttplibTransport() override;
    void send(client::HttpRequest request, std::function<void(client::HttpResult)> done) override;

  private:
    std::unique_ptr<httplib::Client> http_;
};

} // namespace orchard::test
